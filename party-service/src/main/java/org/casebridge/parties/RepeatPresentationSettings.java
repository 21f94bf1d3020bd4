package org.casebridge.parties;

import java.util.Map;

import org.casebridge.parties.domain.RepeatPresentation;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code casebridge.parties.repeat-presentation}: the partnership's default threshold and each organisation's own.
 */
@ConfigurationProperties("casebridge.parties.repeat-presentation")
record RepeatPresentationSettings(RepeatPresentation.Threshold standard, Map<String, RepeatPresentation.Threshold> organisations) {

    RepeatPresentation rule() {
        return new RepeatPresentation(standard == null ? new RepeatPresentation.Threshold(3, 12) : standard,
                organisations == null ? Map.of() : organisations);
    }
}
