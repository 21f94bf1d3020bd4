package org.casebridge.localstack.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.casebridge.localstack.RunningStack;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import tools.jackson.databind.JsonNode;

/**
 * The practitioners' web console in a real headless Chromium against the whole local stack, every step clicked and
 * typed as a person would: nothing here calls the API except to check what the pages claim. On the stack the
 * end-to-end tests share ({@link RunningStack}), or with {@code -Dcasebridge.it.running-stack=true} one already running.
 */
@ExtendWith(RunningStack.Shared.class)
// after any class that still starts a stack of its own (default order), so the shared one is not holding the ports
@Order(Integer.MAX_VALUE - 2)
class ConsoleIT {

    private static RunningStack stack;
    private static Path root;
    private static RestClient http;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "No Chromium here: the console's browser tests are skipped. "
                + "Install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver) to run them.");
        stack = RunningStack.get();
        root = stack.repository();
        http = stack.http();
    }

    @Test
    void joOpensACaseSharesItAndTasksThePoliceWhoAllocateAndCompleteIt() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        String victim = "Lopez" + unique.replaceAll("[0-9]", "x");
        String title = "Noise and threats at 12 Elm Road " + unique;
        String caseUrl;
        try (Browser jo = new Browser().signIn("jo.smith")) {
            assertThat(jo.text()).contains("Jo Smith — Stockton-on-Tees Borough Council Community Safety");

            registerPerson(jo, "Maria", victim, "1975-06-01", "14 Elm Road", "TS18 1AB");
            assertThat(jo.text()).contains("Person registered");

            openCase(jo, title, "Raj Patel");
            assertThat(jo.text()).contains("Case opened").contains(title);
            caseUrl = jo.path();
            assertThat(jo.waitFor(By.cssSelector("#summary")).getText()).contains("raj.patel");

            jo.tab("people");
            jo.type(By.id("person-name"), "Maria " + victim);
            jo.click(By.id("find-person"));
            jo.click(By.xpath("//button[normalize-space()='Link Maria " + victim + "']"));
            assertThat(jo.text()).contains("Linked to the case");
            jo.tab("people");
            assertThat(jo.waitFor(By.id("links")).getText()).contains("Maria " + victim).contains("Victim");

            jo.tab("sharing");
            jo.choose(By.id("share-team"), "CP_STOCKTON_NPT (Cleveland Police)");
            jo.click(By.cssSelector("label[for='level-CONTRIBUTE']"));
            jo.type(By.id("share-reason"), "Joint visit with the neighbourhood team");
            jo.click(By.id("share"));
            assertThat(jo.text()).contains("Case shared");

            // tasking-service hears of the share over Kafka: until then it says "share it first", and Jo tries again
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                jo.driver.get(Browser.CONSOLE + caseUrl + "#tasks");
                jo.tab("tasks");
                jo.type(By.id("task-title"), "Patrol Elm Road on Friday evening");
                jo.choose(By.id("task-assignee"), "CP_STOCKTON_NPT (Cleveland Police)");
                jo.click(By.id("set-task"));
                assertThat(jo.text()).contains("Task set");
            });
        }

        try (Browser sergeant = new Browser().signIn("sgt.baker")) {
            assertThat(sergeant.waitFor(By.id("tasks-for-my-teams")).getText()).contains("Patrol Elm Road on Friday evening");
            sergeant.click(By.linkText("Patrol Elm Road on Friday evening"));
            sergeant.choose(By.id("userId"), "PC Sam Adams");
            sergeant.click(By.id("allocate"));
            assertThat(sergeant.text()).contains("Task allocated");
            assertThat(sergeant.waitFor(By.id("task-assignee")).getText()).contains("pc.adams");
        }

        try (Browser pc = new Browser().signIn("pc.adams")) {
            assertThat(pc.waitFor(By.id("tasks-for-me")).getText()).contains("Patrol Elm Road on Friday evening");
            pc.click(By.linkText("Patrol Elm Road on Friday evening"));
            pc.click(By.id("accept"));
            assertThat(pc.text()).contains("Task accepted");
            pc.type(By.id("outcome-text"), "Patrolled Friday 19:00 to 23:00, no disorder seen");
            pc.click(By.id("complete"));
            assertThat(pc.text()).contains("Task completed");
        }

        try (Browser jo = new Browser().signIn("jo.smith")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                jo.go(caseUrl);
                jo.tab("log");
                assertThat(jo.waitFor(By.id("log")).getText()).contains("Patrolled Friday 19:00 to 23:00, no disorder seen");
            });
            // the pictures in the README
            jo.go(caseUrl);
            jo.waitFor(By.id("case-title"));
            jo.screenshot(root.resolve("docs/screenshots/case.png"));
            jo.go("/");
            jo.waitFor(By.id("main-content"));
            jo.screenshot(root.resolve("docs/screenshots/home.png"));
        }
    }

    @Test
    void aCaseOfAnotherOrganisationIsNotFoundAndItsTitleIsNowhere() throws Exception {
        String title = "Private matter " + UUID.randomUUID().toString().substring(0, 6);
        String caseUrl;
        try (Browser jo = new Browser().signIn("jo.smith")) {
            openCase(jo, title, "Jo Smith");
            caseUrl = jo.path();
        }
        try (Browser kate = new Browser().signIn("kate.moss")) {
            kate.go(caseUrl);
            assertThat(kate.text()).contains("Page not found").doesNotContain(title);
            kate.go("/cases/0123456789abcdef01234567");
            assertThat(kate.text()).contains("Page not found");
            kate.go("/");
            assertThat(kate.html()).doesNotContain(title);
            kate.go("/cases");
            kate.type(By.id("q"), title);
            kate.click(By.cssSelector("form[action='/cases/search'] button"));
            assertThat(kate.text()).contains("0 cases found");
            assertThat(kate.html()).doesNotContain("Private matter " + title.substring(15) + "</");
        }
    }

    @Test
    void thirteenGroupIsWarnedThatThePoliceKnowALikelyMatchWithoutSeeingTheirRecord() throws Exception {
        String surname = "Smith" + UUID.randomUUID().toString().replaceAll("[^a-z]", "").substring(0, 4);
        try (Browser police = new Browser().signIn("pc.adams")) {
            registerPerson(police, "John", surname, "1988-03-09", "7 Station Road", "TS24 7AA");
            assertThat(police.text()).contains("Person registered");
        }
        try (Browser kate = new Browser().signIn("kate.moss")) {
            kate.go("/people/new");
            kate.type(By.id("givenName"), "Jon");
            kate.type(By.id("familyName"), surname);
            kate.type(By.id("dateOfBirth"), "1988-03-09");
            kate.type(By.id("addressLine"), "7 Station Rd");
            kate.type(By.id("postcode"), "ts24 7aa");
            kate.click(By.id("register"));
            String warning = kate.waitFor(By.id("possible-match")).getText();
            assertThat(warning).contains("Possibly the same person").contains("known to Cleveland Police");
            assertThat(kate.waitFor(By.id("match-reasons")).getText()).contains("same date of birth");
            assertThat(kate.text()).doesNotContain("John " + surname).doesNotContain("7 Station Road");
            kate.click(By.id("register"));
            assertThat(kate.text()).contains("Person registered").contains("Jon " + surname);
        }
    }

    @Test
    void aStaleEditIsRefusedWithTheCurrentVersionShownAndADoubleSubmittedFormMakesOneCase() throws Exception {
        String title = "Graffiti on the underpass " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser jo = new Browser().signIn("jo.smith")) {
            openCase(jo, title, "Jo Smith");
            String caseId = jo.path().substring("/cases/".length());
            // meanwhile a colleague changes the title
            String token = tokenFor("jo.smith");
            var current = http.get().uri(Browser.CONSOLE + "/api/v1/cases/" + caseId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .retrieve().toEntity(JsonNode.class);
            var changed = http.patch().uri(Browser.CONSOLE + "/api/v1/cases/" + caseId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .header(HttpHeaders.IF_MATCH, current.getHeaders().getETag()).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"title\":\"" + title + " (colleague's change)\"}").retrieve().toBodilessEntity();
            assertThat(changed.getStatusCode().value()).isEqualTo(200);

            jo.type(By.id("title"), title + " (my change)");
            jo.click(By.id("save-details"));
            assertThat(jo.waitFor(By.id("conflict")).getText()).contains("This case changed since you opened it");
            assertThat(jo.waitFor(By.id("case-title")).getText()).isEqualTo(title + " (colleague's change)");
            assertThat(jo.driver.findElement(By.id("title")).getDomProperty("value")).isEqualTo(title + " (my change)");

            // the same form sent twice at once, as a double click without JavaScript does
            String twice = "Fly-tipping behind the shops " + UUID.randomUUID().toString().substring(0, 6);
            jo.go("/cases/new");
            jo.choose(By.id("type"), "ASB – environmental");
            jo.type(By.id("title"), twice);
            Object statuses = jo.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector("form[action='/cases']");
                    const send = () => fetch('/cases', {method: 'POST', body: new URLSearchParams(new FormData(form))}).then(r => r.status);
                    Promise.all([send(), send()]).then(done);""");
            assertThat(statuses.toString()).isEqualTo("[200, 200]");
            JsonNode found = http.get().uri(Browser.CONSOLE + "/api/v1/cases?q={q}", twice)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().body(JsonNode.class);
            assertThat(found.get("total").asLong()).isEqualTo(1);

            jo.go("/cases/" + found.get("items").get(0).get("id").asString());
            jo.tab("log");
            jo.type(By.id("text"), "Called the council's clean-up team " + twice);
            Object logged = jo.driver.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const form = document.querySelector("#log form");
                    const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form))}).then(r => r.status);
                    Promise.all([send(), send()]).then(done);""");
            assertThat(logged.toString()).isEqualTo("[200, 200]");
            jo.driver.navigate().refresh();
            jo.tab("log");
            assertThat(jo.all(By.xpath("//*[@id='case-log']/li[contains(., 'Called the council')]"))).hasSize(1);
        }
    }

    @Test
    void aTitleWithMarkupIsShownAsText() throws Exception {
        String title = "<script>alert(1)</script><b>bold</b> " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser jo = new Browser().signIn("jo.smith")) {
            openCase(jo, title, "Jo Smith");
            assertThat(jo.waitFor(By.id("case-title")).getText()).isEqualTo(title);
            assertThat(jo.all(By.cssSelector("#case-title b"))).isEmpty();
            assertNoAlert(jo);
            jo.go("/");
            assertThat(jo.text()).contains(title);
            assertNoAlert(jo);
        }
    }

    @Test
    void everyPageFitsAPhoneWithoutScrollingSideways() throws Exception {
        try (Browser phone = new Browser(375, 812).signIn("jo.smith")) {
            openCase(phone, "Abandoned car on Oak Street, its windows smashed and its tyres slashed", "Jo Smith");
            String caseUrl = phone.path();
            for (String page : List.of("/", "/cases", "/cases/new", caseUrl, "/tasks", "/notifications", "/people",
                    "/people/new")) {
                phone.go(page);
                phone.waitFor(By.id("main-content"));
                assertThat(phone.scrollWidth()).as("width of " + page).isLessThanOrEqualTo(375);
            }
        }
    }

    @Test
    void aPractitionerSignsInAndOpensACaseWithTheKeyboardAlone() throws Exception {
        String title = "Keyboard case " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser keys = new Browser()) {
            keys.go("/");
            keys.waitFor(By.id("username"));
            tabTo(keys, By.id("username"));
            press(keys, "raj.patel");
            tabTo(keys, By.id("password"));
            press(keys, "demo", Keys.ENTER);
            keys.waitFor(By.id("signed-in-as"));
            tabTo(keys, By.linkText("Open a case"));
            press(keys, Keys.ENTER);
            keys.waitFor(By.id("type"));
            tabTo(keys, By.id("type"));
            press(keys, "N"); // the first kind starting with N: neighbour dispute
            tabTo(keys, By.id("title"));
            press(keys, title);
            tabTo(keys, By.id("open-case"));
            press(keys, Keys.ENTER);
            assertThat(keys.waitFor(By.id("case-title")).getText()).isEqualTo(title);
            assertThat(keys.text()).contains("Case opened").contains("Neighbour dispute");
        }
    }

    @Test
    void noPageHasASeriousOrCriticalAccessibilityProblem() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Browser jo = new Browser().signIn("jo.smith")) {
            registerPerson(jo, "Axel", "Checker", "1990-01-01", "1 High Street", "TS18 1AA");
            String personUrl = jo.path();
            openCase(jo, "Accessibility check", "Raj Patel");
            String caseUrl = jo.path();
            jo.tab("tasks");
            jo.type(By.id("task-title"), "Call the victim back");
            jo.choose(By.id("task-assignee"), "STOCKTON_ASB (Stockton-on-Tees Borough Council Community Safety)");
            jo.click(By.id("set-task"));
            jo.tab("tasks");
            jo.click(By.linkText("Call the victim back"));
            String taskUrl = jo.path();
            for (String page : List.of("/", "/cases", "/cases/new", caseUrl, "/tasks", taskUrl, "/notifications", "/people",
                    "/people/new", personUrl, "/cases/0123456789abcdef01234567")) {
                jo.go(page);
                jo.waitFor(By.id("main-content"));
                Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                        .analyze(jo.driver);
                for (Rule violation : results.getViolations()) {
                    if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                        problems.add(page + ": " + violation.getId() + " — " + violation.getHelp());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theUnreadCountRisesLiveAndASessionSurvivesAConsoleRestart() throws Exception {
        try (Browser raj = new Browser().signIn("raj.patel")) {
            raj.go("/tasks");
            raj.waitFor(By.id("main-content"));
            String rajToken = tokenFor("raj.patel");
            // the header shows the count once the live stream is open
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unreadShown(raj)).isEqualTo(
                    http.get().uri(Browser.CONSOLE + "/api/v1/notifications/unread-count")
                            .header(HttpHeaders.AUTHORIZATION, "Bearer " + rajToken).retrieve().body(JsonNode.class)
                            .get("unread").asLong()));
            long before = unreadShown(raj);
            var opened = http.post().uri(Browser.CONSOLE + "/api/v1/cases")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokenFor("jo.smith")).contentType(MediaType.APPLICATION_JSON)
                    .body("{\"type\":\"ASB_NUISANCE\",\"title\":\"Barking dog at 3 Ash Grove\",\"leadOfficer\":\"raj.patel\"}")
                    .retrieve().toBodilessEntity();
            assertThat(opened.getStatusCode().value()).isEqualTo(201);
            // no reload: the count in the header changes by itself
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(unreadShown(raj)).isGreaterThan(before));

            if (stack.owned()) {
                stack.own().stopService("web-console");
                stack.own().startService("web-console");
                // without the issuer's own session, only the console's stored session can keep Raj signed in
                raj.driver.manage().deleteCookieNamed("JSESSIONID");
                raj.go("/");
                assertThat(raj.waitFor(By.id("signed-in-as")).getText()).contains("Raj Patel");
                assertThat(raj.path()).isEqualTo("/");
            }
        }
    }

    /** The header's count, read in one step: htmx swaps the element whenever the count changes. */
    private static long unreadShown(Browser browser) {
        Object shown = browser.driver.executeScript(
                "const count = document.getElementById('unread-count'); return count ? count.textContent : '';");
        String text = shown == null ? "" : shown.toString().strip();
        return text.isEmpty() ? 0 : Long.parseLong(text);
    }

    private static void tabTo(Browser browser, By target) {
        WebElement wanted = browser.waitFor(target);
        for (int i = 0; i < 80 && !wanted.equals(browser.driver.switchTo().activeElement()); i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.driver.switchTo().activeElement()).as("reachable by Tab: " + target).isEqualTo(wanted);
    }

    private static void press(Browser browser, CharSequence... keys) {
        new Actions(browser.driver).sendKeys(keys).perform();
    }

    private static void assertNoAlert(Browser browser) {
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError("a script in the title ran");
        } catch (NoAlertPresentException expected) {
            // the title stayed text
        }
    }

    static void registerPerson(Browser browser, String given, String family, String dateOfBirth, String address,
            String postcode) {
        browser.go("/people/new");
        browser.type(By.id("givenName"), given);
        browser.type(By.id("familyName"), family);
        browser.type(By.id("dateOfBirth"), dateOfBirth);
        browser.type(By.id("addressLine"), address);
        browser.type(By.id("postcode"), postcode);
        browser.click(By.id("register"));
        if (!browser.all(By.id("possible-match")).isEmpty()) {
            browser.click(By.id("register"));
        }
        browser.waitFor(By.cssSelector(".govuk-notification-banner--success"));
    }

    static void openCase(Browser browser, String title, String leadOfficer) {
        browser.go("/cases/new");
        browser.choose(By.id("type"), "ASB – personal");
        browser.type(By.id("title"), title);
        browser.type(By.id("summary"), "Reported by a neighbour; shouting and threats most evenings.");
        browser.choose(By.id("leadOfficer"), leadOfficer);
        if (!browser.all(By.xpath("//select[@id='team']/option[@value='STOCKTON_ASB']")).isEmpty()) {
            browser.choose(By.id("team"), "STOCKTON_ASB");
        }
        browser.click(By.id("open-case"));
        browser.waitFor(By.id("case-title"));
    }

    private static String tokenFor(String username) {
        return stack.tokenFor(username);
    }
}
