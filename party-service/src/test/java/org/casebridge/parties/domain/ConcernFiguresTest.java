package org.casebridge.parties.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConcernFiguresTest {

    private static Location.Details place(String postcode, Location.Type type) {
        return new Location.Details("Somewhere", List.of(), postcode, null, null, null, type);
    }

    @Test
    void placesAreCountedByDistrictAndKindWithoutAnAddress() {
        ConcernFigures figures = ConcernFigures.count(List.of(place("TS18 1AB", Location.Type.PARK),
                place("TS18 3DR", Location.Type.SHOP), place("TS1 3LB", Location.Type.PARK), place(null, Location.Type.STREET)));

        assertThat(figures.total()).isEqualTo(4);
        assertThat(figures.byDistrict()).containsEntry("TS18", 2L).containsEntry("TS1", 1L).containsEntry("NONE", 1L);
        assertThat(figures.byType()).containsEntry("PARK", 2L).containsEntry("SHOP", 1L).containsEntry("STREET", 1L);
        assertThat(figures.toString()).doesNotContain("Somewhere");
    }
}
