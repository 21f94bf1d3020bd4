package org.casebridge.cases.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.casebridge.platform.domain.DomainException;

/** The people, places and other cases linked to one case, each in a role: the rules of linking, for {@link Case}. */
final class CaseLinks {

    private final List<Link> links;

    CaseLinks(List<Link> stored) {
        this.links = new ArrayList<>(stored);
    }

    /**
     * The same person (or place) twice in one role is refused; the same person in two roles (say witness and victim) is
     * allowed; a case is never linked to itself.
     */
    Link add(String caseId, CaseReference reference, Actor actor, Link.Target target, String targetId, String role,
            Instant now) {
        String checkedRole = checkRole(target, role);
        if (target == Link.Target.CASE && targetId.equals(caseId)) {
            throw DomainException.invalid("A case cannot be linked to itself.");
        }
        if (links.stream().anyMatch(l -> l.target() == target && l.targetId().equals(targetId) && l.role().equals(checkedRole))) {
            throw DomainException.conflict("That " + target.name().toLowerCase(Locale.ROOT) + " is already linked to case "
                    + reference + " as " + checkedRole + ".");
        }
        Link link = new Link(target, targetId, checkedRole, actor.userId(), actor.organisation(), now);
        links.add(link);
        return link;
    }

    void remove(CaseReference reference, Link.Target target, String targetId, String role) {
        boolean removed = links.removeIf(l -> l.target() == target && l.targetId().equals(targetId) && l.role().equals(role));
        if (!removed) {
            throw DomainException.notFound("Link of " + targetId + " as " + role + " on case " + reference);
        }
    }

    /**
     * Links to the merged person now point at the survivor; a role the survivor already had is not duplicated.
     *
     * @return whether anything changed
     */
    boolean followMerge(String survivorId, String mergedId) {
        List<Link> moved = new ArrayList<>();
        boolean changed = false;
        for (Link l : links) {
            if (l.target() == Link.Target.PERSON && l.targetId().equals(mergedId)) {
                changed = true;
                Link followed = new Link(l.target(), survivorId, l.role(), l.linkedBy(), l.organisation(), l.linkedAt());
                boolean duplicate = links.stream().anyMatch(o -> o.target() == Link.Target.PERSON
                        && o.targetId().equals(survivorId) && o.role().equals(l.role()));
                if (!duplicate && !moved.contains(followed)) {
                    moved.add(followed);
                }
            } else {
                moved.add(l);
            }
        }
        if (changed) {
            links.clear();
            links.addAll(moved);
        }
        return changed;
    }

    List<Link> all() {
        return List.copyOf(links);
    }

    private static String checkRole(Link.Target target, String role) {
        try {
            return switch (target) {
                case PERSON -> Link.PersonRole.valueOf(role).name();
                case LOCATION -> Link.LocationRole.valueOf(role).name();
                case CASE -> "RELATED";
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            throw DomainException.invalid("Not a role a " + target.name().toLowerCase(Locale.ROOT)
                    + " can have in a case: " + role + ". Roles: " + Arrays.toString(
                            target == Link.Target.PERSON ? Link.PersonRole.values() : Link.LocationRole.values()));
        }
    }
}
