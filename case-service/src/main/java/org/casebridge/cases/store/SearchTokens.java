package org.casebridge.cases.store;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/** Normalised words for free-text search: lower case, accents folded, two characters or more. */
final class SearchTokens {

    private SearchTokens() {
    }

    static List<String> of(String... texts) {
        Set<String> tokens = new LinkedHashSet<>();
        Stream.of(texts).filter(Objects::nonNull).forEach(text -> tokens.addAll(words(text)));
        return List.copyOf(tokens);
    }

    static List<String> words(String text) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^a-z0-9]+")).filter(w -> w.length() >= 2).distinct().toList();
    }
}
