package org.casebridge.cases.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.casebridge.platform.domain.DomainException;
import org.junit.jupiter.api.Test;

class RiskMatrixTest {

    private static Map<String, Integer> all(int score) {
        Map<String, Integer> answers = new HashMap<>();
        RiskMatrix.QUESTIONS.forEach(q -> answers.put(q.code(), score));
        return answers;
    }

    @Test
    void theTotalGivesTheBand() {
        assertThat(RiskMatrix.score(all(0)).band()).isEqualTo(RiskMatrix.Band.STANDARD);
        Map<String, Integer> eleven = all(0);
        for (String code : new String[] {"REPEAT", "FREQUENCY", "HEALTH"}) {
            eleven.put(code, 3);
        }
        eleven.put("HOME", 2);
        assertThat(RiskMatrix.score(eleven).total()).isEqualTo(11);
        assertThat(RiskMatrix.score(eleven).band()).isEqualTo(RiskMatrix.Band.STANDARD);
        eleven.put("ISOLATED", 1);
        assertThat(RiskMatrix.score(eleven).band()).isEqualTo(RiskMatrix.Band.MEDIUM);
        assertThat(RiskMatrix.score(all(2)).total()).isEqualTo(24);
        assertThat(RiskMatrix.score(all(2)).band()).isEqualTo(RiskMatrix.Band.HIGH);
    }

    @Test
    void theTopAnswerToACriticalQuestionIsHighWhateverTheTotal() {
        Map<String, Integer> answers = all(0);
        answers.put("FEAR_FOR_SAFETY", 3);
        assertThat(RiskMatrix.score(answers).total()).isEqualTo(3);
        assertThat(RiskMatrix.score(answers).band()).isEqualTo(RiskMatrix.Band.HIGH);
        answers.put("FEAR_FOR_SAFETY", 2);
        assertThat(RiskMatrix.score(answers).band()).isEqualTo(RiskMatrix.Band.STANDARD);
    }

    @Test
    void everyQuestionMustBeAnsweredInRange() {
        Map<String, Integer> missing = all(1);
        missing.remove("HARM");
        assertThatThrownBy(() -> RiskMatrix.score(missing)).isInstanceOf(DomainException.class).hasMessageContaining("HARM");
        Map<String, Integer> outOfRange = all(1);
        outOfRange.put("HOME", 4);
        assertThatThrownBy(() -> RiskMatrix.score(outOfRange)).hasMessageContaining("HOME");
        Map<String, Integer> extra = all(1);
        extra.put("SHOE_SIZE", 1);
        assertThatThrownBy(() -> RiskMatrix.score(extra)).hasMessageContaining("SHOE_SIZE");
    }
}
