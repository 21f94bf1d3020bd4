package org.casebridge.parties.domain;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.codec.language.DoubleMetaphone;
import org.casebridge.parties.domain.PersonDetails.OtherName;
import org.casebridge.parties.domain.matching.MatchProfile;
import org.casebridge.parties.domain.matching.Nicknames;
import org.casebridge.parties.domain.matching.PersonName;

/**
 * How a person is found by name: every name they have had is kept as sounds (Double Metaphone) of its canonical
 * form, so "Bob Smyth" finds "Robert Smith". A search matches when every word typed sounds like one of the names.
 */
public final class PersonSearch {

    private static final DoubleMetaphone SOUNDS = new DoubleMetaphone();
    private static final Nicknames NICKNAMES = Nicknames.standard();

    private PersonSearch() {
    }

    /** The keys stored with a person. */
    public static Set<String> nameKeys(PersonDetails details) {
        Set<String> keys = new LinkedHashSet<>();
        words(details.givenName(), details.familyName(), details.preferredName()).forEach(w -> keys.add(key(w)));
        for (OtherName other : details.otherNames()) {
            words(other.givenName(), other.familyName()).forEach(w -> keys.add(key(w)));
        }
        return keys;
    }

    /** One key per word the practitioner typed; a person must have them all. */
    public static Set<String> queryKeys(String typed) {
        Set<String> keys = new LinkedHashSet<>();
        words(typed).forEach(w -> keys.add(key(w)));
        return keys;
    }

    /** What matching compares: all names, the date of birth, every postcode and identifier. */
    public static MatchProfile profileOf(String id, PersonDetails details) {
        List<PersonName> names = new java.util.ArrayList<>();
        names.add(new PersonName(details.givenName(), details.familyName()));
        if (details.preferredName() != null) {
            names.add(new PersonName(details.preferredName(), details.familyName()));
        }
        details.otherNames().forEach(n -> names.add(new PersonName(n.givenName(), n.familyName())));
        Map<String, String> identifiers = new HashMap<>();
        details.identifiers().forEach(i -> identifiers.put(
                i.scheme() == IdentifierScheme.PARTNER ? "PARTNER:" + i.value() : i.scheme().name(), i.value()));
        return new MatchProfile(id, names, details.dateOfBirth(), details.postcodes(), identifiers);
    }

    /** {@code NHS:9434765919}: how identifiers are stored and looked up. */
    public static String identifierKey(IdentifierScheme scheme, String value) {
        return scheme.name() + ":" + Identifiers.normalise(scheme.name(), value);
    }

    private static String key(String word) {
        String canonical = NICKNAMES.canonical(word);
        String sound = SOUNDS.doubleMetaphone(canonical);
        return sound == null || sound.isEmpty() ? canonical : sound;
    }

    private static List<String> words(String... parts) {
        List<String> words = new java.util.ArrayList<>();
        for (String part : parts) {
            if (part != null) {
                for (String word : part.toUpperCase(Locale.ROOT).split("[^\\p{L}']+")) {
                    String clean = word.replace("'", "");
                    if (!clean.isEmpty()) {
                        words.add(clean);
                    }
                }
            }
        }
        return words;
    }
}
