package org.casebridge.parties.domain.matching;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The keys a person is filed under so that only people sharing a key are scored. Each key pairs two weak facts
 * (a surname sound with a birth year, a first name sound or a postcode) or names one strong fact (a full date of
 * birth, an identifier). The typical duplicates share at least one key:
 * <ul>
 * <li>a misspelt surname that sounds the same (Smyth/Smith): the surname is coded phonetically;</li>
 * <li>a nickname (Bob/Robert): first names are reduced to their canonical form before coding;</li>
 * <li>first name and surname swapped: every name is also filed the other way round;</li>
 * <li>a year against a full date of birth: only the year is paired with the surname;</li>
 * <li>a surname that changed or was badly misspelt: the full date of birth, postcode or an identifier.</li>
 * </ul>
 * A person with one name, one postcode and a full date of birth has about six keys; aliases add three or four each.
 */
public final class BlockingKeys {

    private static final Pattern DATE_OF_BIRTH = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2})?)?");
    /** Only the first few words of a first name: "Mary Jane Louise" should not multiply the keys. */
    private static final int GIVEN_WORDS = 2;

    private BlockingKeys() {
    }

    public static Set<String> of(MatchProfile p) {
        Nicknames nicknames = Nicknames.standard();
        Set<String> keys = new TreeSet<>();
        String dob = p.dateOfBirth() != null && DATE_OF_BIRTH.matcher(p.dateOfBirth()).matches() ? p.dateOfBirth()
                : null;
        Set<String> postcodes = PostcodeComparison.normalise(p.postcodes());
        for (PersonName name : p.names()) {
            String family = surnameCode(name.family());
            if (!family.isEmpty()) {
                if (dob != null) {
                    keys.add("fam:" + family + "|yob:" + dob.substring(0, 4));
                }
                givenCodes(nicknames, name.given()).forEach(given -> keys.add("fam:" + family + "|giv:" + given));
                postcodes.forEach(postcode -> keys.add("pc:" + postcode + "|fam:" + family));
            }
            String swappedFamily = Names.normalise(name.given()).length() > 1 ? surnameCode(name.given()) : "";
            if (!swappedFamily.isEmpty()) {
                givenCodes(nicknames, name.family())
                        .forEach(given -> keys.add("fam:" + swappedFamily + "|giv:" + given));
            }
        }
        if (dob != null && dob.length() == 10) {
            keys.add("dob:" + dob);
        }
        for (Map.Entry<String, String> id : p.identifiers().entrySet()) {
            if (id.getValue() != null && !id.getValue().isBlank()) {
                keys.add("id:" + id.getKey() + ":" + id.getValue().strip());
            }
        }
        return keys;
    }

    private static String surnameCode(String family) {
        return Names.blockingCode(Names.normalise(family));
    }

    /** Al is filed under Alan, Albert and Alfred alike: one code per canonical form of each word. */
    private static Set<String> givenCodes(Nicknames nicknames, String given) {
        Set<String> codes = new TreeSet<>();
        List<String> words = Names.words(given);
        for (String word : words.subList(0, Math.min(GIVEN_WORDS, words.size()))) {
            if (word.length() > 1) { // an initial would put every John, Jane and Jamal Smith in one block
                nicknames.canonicalsOf(word).forEach(canonical -> codes.add(Names.blockingCode(canonical)));
            }
        }
        return codes;
    }
}
