package org.casebridge.platform.kafka;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

/** Tells a failure because MongoDB cannot be reached (worth waiting out) from a failure of the record itself. */
final class StoreAway {

    private StoreAway() {
    }

    static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
                    || cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Growing pauses up to 16 times the first, with no limit on attempts or time. */
    static BackOff untilItReturns(long intervalMs) {
        ExponentialBackOff backOff = new ExponentialBackOff(intervalMs, 2.0);
        backOff.setMaxInterval(intervalMs * 16);
        return backOff;
    }
}
