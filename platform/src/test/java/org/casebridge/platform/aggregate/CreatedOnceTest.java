package org.casebridge.platform.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

class CreatedOnceTest {

    private final AtomicReference<String> stored = new AtomicReference<>();
    private final AtomicInteger creates = new AtomicInteger();

    @Test
    void theFirstCallCreates() {
        String result = CreatedOnce.byKey(() -> Optional.ofNullable(stored.get()), () -> {
            creates.incrementAndGet();
            stored.set("mine");
            return "mine";
        });
        assertThat(result).isEqualTo("mine");
        assertThat(creates).hasValue(1);
    }

    @Test
    void aCallAgainAnswersWhatWasCreatedBeforeWithoutCreating() {
        stored.set("earlier");
        String result = CreatedOnce.byKey(() -> Optional.ofNullable(stored.get()), () -> {
            creates.incrementAndGet();
            return "mine";
        });
        assertThat(result).isEqualTo("earlier");
        assertThat(creates).hasValue(0);
    }

    @Test
    void aCreateThatLosesTheRaceAnswersTheWinner() {
        String result = CreatedOnce.byKey(() -> Optional.ofNullable(stored.get()), () -> {
            stored.set("theirs"); // a concurrent create under the same key lands first
            throw new DuplicateKeyException("E11000 duplicate key");
        });
        assertThat(result).isEqualTo("theirs");
    }

    @Test
    void aClashWithNothingUnderTheKeyIsNotHidden() {
        assertThatThrownBy(() -> CreatedOnce.byKey(Optional::empty, () -> {
            throw new DuplicateKeyException("E11000 duplicate key on another index");
        })).isInstanceOf(DuplicateKeyException.class);
    }
}
