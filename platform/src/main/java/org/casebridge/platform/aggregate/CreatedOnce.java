package org.casebridge.platform.aggregate;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;

/**
 * A create that must happen once per key, where the key is stored with what it creates under a unique index (a
 * partner's external id on the case or person it made): what was created under the key before is answered again,
 * and a create that loses the race to a concurrent one under the same key answers the winner's. The race is handled
 * here, once, for every service. (A practitioner's {@code Idempotency-Key} on a POST is
 * {@link org.casebridge.platform.web.IdempotentCreates}', which also remembers the request it came with.)
 */
public final class CreatedOnce {

    private CreatedOnce() {
    }

    /**
     * @param earlier what is stored under the key, if anything (asked again after a lost race)
     * @param create creates it and stores it with the key; a {@link DuplicateKeyException} means another got there first
     * @return what was created under the key, by this call or an earlier or concurrent one
     * @throws DuplicateKeyException when the write clashed yet nothing is found under the key (another unique index)
     */
    public static <T> T byKey(Supplier<Optional<T>> earlier, Supplier<T> create) {
        return earlier.get().orElseGet(() -> {
            try {
                return create.get();
            } catch (DuplicateKeyException raced) {
                return earlier.get().orElseThrow(() -> raced);
            }
        });
    }
}
