package org.casebridge.platform.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import org.casebridge.platform.aggregate.OptimisticRetry.Round;
import org.casebridge.platform.web.PreconditionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class OptimisticRetryTest {

    private final OptimisticRetry retry = new OptimisticRetry(3);

    @Test
    void aLostRoundIsRunAgainUntilOneIsWritten() {
        AtomicInteger rounds = new AtomicInteger();
        String result = retry.run(() -> rounds.incrementAndGet() < 3 ? Round.lost() : Round.done("written"), () -> "gave up");
        assertThat(result).isEqualTo("written");
        assertThat(rounds).hasValue(3);
    }

    @Test
    void afterTheLimitTheCallerSaysWhatHappens() {
        AtomicInteger rounds = new AtomicInteger();
        String result = retry.run(() -> {
            rounds.incrementAndGet();
            return Round.lost();
        }, () -> "gave up");
        assertThat(result).isEqualTo("gave up");
        assertThat(rounds).hasValue(3);
    }

    @Test
    void aChangeAgainstAVersionIsOneRoundAndALostRaceIs412() {
        AtomicInteger rounds = new AtomicInteger();
        assertThatThrownBy(() -> retry.change(Expectation.version(4), () -> {
            rounds.incrementAndGet();
            return Round.lost();
        })).isInstanceOfSatisfying(PreconditionException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_FAILED));
        assertThat(rounds).hasValue(1);
    }

    @Test
    void aChangeAgainstAnyVersionIsRetriedAnd412OnlyWhenEveryRoundLost() {
        AtomicInteger rounds = new AtomicInteger();
        assertThatThrownBy(() -> retry.change(Expectation.anyVersion(), () -> {
            rounds.incrementAndGet();
            return Round.lost();
        })).isInstanceOf(PreconditionException.class);
        assertThat(rounds).hasValue(3);
    }

    @Test
    void anExpectationComesFromIfMatch() {
        assertThat(Expectation.ifMatch("W/\"7\"").version()).isEqualTo(7L);
        assertThat(Expectation.ifMatchIfGiven(null)).isEqualTo(Expectation.anyVersion());
        assertThatThrownBy(() -> Expectation.ifMatch(null)).isInstanceOfSatisfying(PreconditionException.class,
                e -> assertThat(e.status()).isEqualTo(HttpStatus.PRECONDITION_REQUIRED));
        assertThatThrownBy(() -> Expectation.version(2).check(3)).isInstanceOf(PreconditionException.class);
        Expectation.anyVersion().check(3);
    }
}
