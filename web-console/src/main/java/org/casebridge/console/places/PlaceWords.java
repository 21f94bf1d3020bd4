package org.casebridge.console.places;

import java.util.Map;

import org.springframework.stereotype.Component;

/** A place as a line of text for the templates ({@code ${@placeWords.address(p)}}): its address lines and postcode. */
@Component("placeWords")
public class PlaceWords {

    public String address(Map<String, Object> place) {
        return place == null ? "" : PlaceController.describe(place);
    }
}
