package org.casebridge.cases.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casebridge.platform.domain.DomainException;

/**
 * The ASB victim risk assessment, after the Home Office's risk assessment matrix: the practitioner asks the victim
 * each question and scores the answer 0 (not at all) to 3 (very much). The total gives the band; an answer of 3 to a
 * question about harm or fear for safety makes the case HIGH whatever the total, because that is the answer a
 * practitioner must never miss.
 */
public final class RiskMatrix {

    public enum Band { STANDARD, MEDIUM, HIGH }

    /** A question, and whether the top answer to it means high risk on its own. */
    public record Question(String code, String text, boolean critical) {
    }

    public static final List<Question> QUESTIONS = List.of(
            new Question("HARM", "Has the victim been harmed, or threatened with harm?", true),
            new Question("FEAR_FOR_SAFETY", "Does the victim fear for their own or their family's safety?", true),
            new Question("REPEAT", "Has this happened to the victim before?", false),
            new Question("FREQUENCY", "Is it happening more often?", false),
            new Question("HATE", "Does the victim believe it is because of who they are (race, religion, disability, sexuality, gender identity)?", false),
            new Question("VULNERABLE", "Does the victim have a disability, illness or other vulnerability?", false),
            new Question("HEALTH", "Has it affected the victim's physical or mental health?", false),
            new Question("DAILY_LIFE", "Has it changed how the victim lives day to day (going out, sleeping, working)?", false),
            new Question("ISOLATED", "Is the victim isolated, without family or friends to support them?", false),
            new Question("HOME", "Is the victim thinking of moving home because of it?", false),
            new Question("CHILDREN", "Are children in the household affected?", false),
            new Question("PROPERTY", "Has the victim's property been damaged?", false));

    static final int MEDIUM_FROM = 12;
    static final int HIGH_FROM = 24;

    private RiskMatrix() {
    }

    /** A scored assessment: every question answered 0–3, nothing else. */
    public record Result(Map<String, Integer> answers, int total, Band band) {
    }

    public static Result score(Map<String, Integer> answers) {
        if (answers == null) {
            throw DomainException.invalid("Answer every question of the risk assessment.");
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (Question q : QUESTIONS) {
            Integer score = answers.get(q.code());
            if (score == null || score < 0 || score > 3) {
                throw DomainException.invalid("Question " + q.code() + " needs a score from 0 to 3.");
            }
            ordered.put(q.code(), score);
        }
        List<String> unknown = answers.keySet().stream().filter(code -> !ordered.containsKey(code)).toList();
        if (!unknown.isEmpty()) {
            throw DomainException.invalid("Not questions of the risk assessment: " + unknown);
        }
        int total = ordered.values().stream().mapToInt(Integer::intValue).sum();
        boolean criticalAtTop = QUESTIONS.stream().anyMatch(q -> q.critical() && ordered.get(q.code()) == 3);
        Band band = criticalAtTop || total >= HIGH_FROM ? Band.HIGH : total >= MEDIUM_FROM ? Band.MEDIUM : Band.STANDARD;
        return new Result(ordered, total, band);
    }
}
