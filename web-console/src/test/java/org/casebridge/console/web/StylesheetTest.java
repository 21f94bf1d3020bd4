package org.casebridge.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class StylesheetTest {

    private static final String FULL = """
            @charset "UTF-8";:root{--govuk-frontend-version:"5.14.0"}\
            @font-face{font-family:"GDS Transport";src:url(/assets/fonts/light.woff2)}\
            body{margin:0}.govuk-tabs__list-item--selected{border:1px solid}\
            .govuk-accordion__section{padding:0}.govuk-summary-list__row,.govuk-accordion{display:flex}\
            .govuk-frontend-supported .govuk-tabs__panel--hidden{display:none}.govuk-\\!-margin-bottom-0{margin-bottom:0!important}\
            .govuk-\\!-margin-bottom-9{margin-bottom:50px!important}.govuk-tag--red{color:red}\
            @media (min-width:40.0625em){.govuk-accordion{margin:0}.govuk-tabs{margin:1px}}""";

    @Test
    void keepsTheComponentsAPageNamesWithTheirStatesAndDropsTheRest() {
        String used = """
                <div class="govuk-tabs"><dl class="govuk-summary-list"></dl><p class="govuk-!-margin-bottom-0"></p>
                <strong th:class="'govuk-tag ' + ${colour}"></strong></div><script>add('govuk-frontend-supported')</script>""";

        String cut = Stylesheet.cut(FULL, used);

        assertThat(cut).startsWith("@charset \"UTF-8\";:root{")
                .contains("body{margin:0}", ".govuk-tabs__list-item--selected{", ".govuk-summary-list__row{display:flex}",
                        ".govuk-frontend-supported .govuk-tabs__panel--hidden", ".govuk-\\!-margin-bottom-0{",
                        ".govuk-tag--red{", "@media (min-width:40.0625em){.govuk-tabs{margin:1px}}")
                .doesNotContain("accordion", "GDS Transport", "margin-bottom-9");
    }

    @Test
    void everyClassTheConsolesJavaCodeNamesIsAlsoNamedInATemplate() throws IOException {
        String templates = text(Path.of("src/main/resources"));
        // (Stylesheet itself names classes only in its comments)
        String java = text(Path.of("src/main/java")).replace(Files.readString(
                Path.of("src/main/java/org/casebridge/console/web/Stylesheet.java")), "");
        Matcher named = Pattern.compile("govuk-[a-z0-9_!-]+").matcher(java);
        while (named.find()) {
            String name = named.group();
            String component = name.split("__|--")[0];
            assertThat(templates).as("%s is styled only if a template names it or its component", name)
                    .containsAnyOf(name, component);
        }
    }

    private static String text(Path root) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                all.append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }
}
