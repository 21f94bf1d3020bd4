package org.casebridge.parties.domain.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Given names that are the same name to the person who gives them: Bob is Robert, Peggy is Margaret. Names are
 * compared in upper case without accents or punctuation. A name in several groups (Al: Alan, Albert, Alfred) takes
 * the first group's canonical form, and its variants are the union of its groups.
 */
public final class Nicknames {

    private static final String RESOURCE = "nicknames.txt";
    private static final Nicknames STANDARD = load();

    private final List<List<String>> groups;
    private final Map<String, List<Integer>> groupsOfName = new HashMap<>();

    Nicknames(List<String> lines) {
        List<List<String>> parsed = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            List<String> group = Arrays.stream(line.split(",")).map(Names::normalise).filter(n -> !n.isEmpty())
                    .distinct().toList();
            if (group.isEmpty()) {
                continue;
            }
            for (String name : group) {
                groupsOfName.computeIfAbsent(name, n -> new ArrayList<>()).add(parsed.size());
            }
            parsed.add(group);
        }
        this.groups = List.copyOf(parsed);
    }

    /** The groups shipped with the service, read once. */
    public static Nicknames standard() {
        return STANDARD;
    }

    /** Every name that may stand for this one, itself included; empty for a blank name. */
    public Set<String> variantsOf(String givenName) {
        String name = Names.normalise(givenName);
        if (name.isEmpty()) {
            return Set.of();
        }
        Set<String> variants = new LinkedHashSet<>();
        variants.add(name);
        groupsOf(name).forEach(variants::addAll);
        return Set.copyOf(variants);
    }

    /** BOB gives ROBERT; a name in no group is its own canonical form; a blank name gives "". */
    public String canonical(String givenName) {
        String name = Names.normalise(givenName);
        List<List<String>> mine = groupsOf(name);
        return mine.isEmpty() ? name : mine.get(0).get(0);
    }

    /** The canonical forms of all the name's groups, so that Al can be blocked with Alan, Albert and Alfred. */
    Set<String> canonicalsOf(String givenName) {
        String name = Names.normalise(givenName);
        if (name.isEmpty()) {
            return Set.of();
        }
        Set<String> canonicals = new LinkedHashSet<>();
        groupsOf(name).forEach(group -> canonicals.add(group.get(0)));
        if (canonicals.isEmpty()) {
            canonicals.add(name);
        }
        return canonicals;
    }

    /** The canonical form of the first group holding both names, when they are different forms of one name. */
    Optional<String> commonForm(String first, String second) {
        String a = Names.normalise(first);
        String b = Names.normalise(second);
        return groupsOf(a).stream().filter(group -> group.contains(b)).map(group -> group.get(0)).findFirst();
    }

    private List<List<String>> groupsOf(String normalisedName) {
        return groupsOfName.getOrDefault(normalisedName, List.of()).stream().map(groups::get).toList();
    }

    private static Nicknames load() {
        try (InputStream in = Nicknames.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE + " next to Nicknames");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return new Nicknames(reader.lines().toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
