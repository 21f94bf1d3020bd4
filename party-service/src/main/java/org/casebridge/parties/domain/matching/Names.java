package org.casebridge.parties.domain.matching;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.codec.language.DoubleMetaphone;

/** How names are reduced before they are compared, so that Zoë, ZOE and "zoe " are one name. */
final class Names {

    /** Longer codes than the default 4 keep Williams apart from Williamson when scoring. */
    private static final DoubleMetaphone SCORING = new DoubleMetaphone();
    /** Blocking is deliberately looser: Roberts and Robert still land in the same block. */
    private static final DoubleMetaphone BLOCKING = new DoubleMetaphone();

    static {
        SCORING.setMaxCodeLen(6);
    }

    private Names() {
    }

    /** Upper-case letters only: accents, spaces, hyphens and apostrophes are how people type, not who they are. */
    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String withoutAccents = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    }

    /** The separate words of a name ("Mary Jane", "Jean-Paul"), each normalised. */
    static List<String> words(String name) {
        if (name == null) {
            return List.of();
        }
        return Arrays.stream(name.split("[\\s\\-]+")).map(Names::normalise).filter(w -> !w.isEmpty()).toList();
    }

    static String phonetic(String normalised) {
        return normalised.isEmpty() ? "" : SCORING.doubleMetaphone(normalised);
    }

    static String blockingCode(String normalised) {
        return normalised.isEmpty() ? "" : BLOCKING.doubleMetaphone(normalised);
    }

    /** ROBERT becomes Robert, for reasons a person reads. */
    static String titleCase(String upper) {
        return upper.isEmpty() ? upper : upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
    }
}
