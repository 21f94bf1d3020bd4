package org.casebridge.localstack.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.casebridge.localstack.RunningStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * The console's partnership pages in a real headless Chromium against the whole local stack: places and locations of
 * concern, access requests, duplicate review, e-mail preferences and the partnership's figures. Every step is clicked
 * and typed as a person would.
 */
@ExtendWith(RunningStack.Shared.class)
// with the other classes on the shared stack, after any class that still starts a stack of its own
@Order(Integer.MAX_VALUE - 3)
class ConsolePartnershipIT {

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Browser.available(), "No Chromium here: the console's browser tests are skipped. "
                + "Install Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver) to run them.");
        RunningStack.get();
    }

    @Test
    void joRegistersAPlaceFromHerCaseLinksItAndMakesItALocationOfConcernThenClearsIt() throws Exception {
        String unique = letters();
        String street = "Elm Court " + unique;
        String title = "Drug dealing in the stairwell " + unique;
        try (Browser jo = new Browser().signIn("jo.smith")) {
            openCase(jo, title, "Jo Smith");
            String caseUrl = jo.path();
            String reference = jo.waitFor(By.cssSelector("h1 span")).getText();

            jo.tab("people");
            jo.click(By.id("find-place-to-link"));
            assertThat(jo.text()).contains("For case " + reference);
            jo.type(By.id("street"), street);
            jo.click(By.id("find-place"));
            assertThat(jo.text()).contains("0 places found");
            jo.click(By.id("register-place"));
            jo.type(By.id("addressLine1"), "1-24 " + street);
            jo.type(By.id("postcode"), "ts18 1ab");
            jo.choose(By.id("type"), "Flat block");
            jo.click(By.id("register"));
            assertThat(jo.text()).contains("Place registered");
            assertThat(jo.waitFor(By.id("place-address")).getText()).isEqualTo("1-24 " + street + ", TS18 1AB");

            // the case it was found for is already named in the link form
            assertThat(jo.driver.findElement(By.id("reference")).getDomProperty("value")).isEqualTo(reference);
            jo.choose(By.id("role"), "Incident location");
            jo.click(By.id("link-place"));
            assertThat(jo.text()).contains("Linked to the case");
            assertThat(jo.waitFor(By.id("place-cases")).getText()).contains(reference).contains(title);

            jo.type(By.id("reasons"), "Drug dealing in the stairwell most nights\nDoor entry system broken");
            setDate(jo, By.id("reviewDate"), LocalDate.now().plusMonths(3));
            jo.click(By.id("mark-concern"));
            assertThat(jo.text()).contains("Marked as a location of concern");
            assertThat(jo.waitFor(By.id("concern-tag")).getText()).isEqualTo("Location of concern");
            assertThat(jo.waitFor(By.id("concern")).getText()).contains("Door entry system broken")
                    .contains("Stockton-on-Tees Borough Council Community Safety");

            // found again by its street, as a location of concern
            jo.go("/places");
            jo.type(By.id("street"), street);
            jo.click(By.cssSelector("label[for='concern']"));
            jo.click(By.id("find-place"));
            assertThat(jo.waitFor(By.id("places-found")).getText()).contains(street).contains("Location of concern");
            jo.click(By.partialLinkText(street));

            jo.click(By.id("clear"));
            assertThat(jo.text()).contains("No longer a location of concern");
            assertThat(jo.all(By.id("concern-tag"))).isEmpty();

            // and the case shows the place among its people and places
            jo.go(caseUrl);
            jo.tab("people");
            assertThat(jo.waitFor(By.id("links")).getText()).contains(street).contains("Incident location");
        }
    }

    @Test
    void aPlaceOfConcernNeedsReasonsAndAFutureReviewDateAndWhatWasTypedStays() throws Exception {
        try (Browser jo = new Browser().signIn("jo.smith")) {
            jo.go("/places/new");
            jo.click(By.id("register"));
            assertThat(jo.waitFor(By.cssSelector(".govuk-error-summary")).getText())
                    .contains("Enter the first line of the address").contains("Select what kind of place it is");
            jo.type(By.id("addressLine1"), "Ropner Park gates " + letters());
            jo.choose(By.id("type"), "Park");
            jo.click(By.id("register"));
            assertThat(jo.text()).contains("Place registered");

            jo.type(By.id("reasons"), "Fires set by the bandstand");
            setDate(jo, By.id("reviewDate"), LocalDate.now().minusDays(2));
            jo.click(By.id("mark-concern"));
            assertThat(jo.waitFor(By.id("reviewDate-error")).getText()).isNotBlank();
            assertThat(jo.driver.findElement(By.id("reasons")).getDomProperty("value")).isEqualTo("Fires set by the bandstand");
            assertThat(jo.all(By.id("concern-tag"))).isEmpty();
        }
    }

    @Test
    void kateAsksForAccessToACaseSheCannotSeeAndJoGivesItToHer() throws Exception {
        String title = "Tenancy breach and threats " + letters();
        String caseUrl;
        String reference;
        try (Browser jo = new Browser().signIn("jo.smith")) {
            openCase(jo, title, "Jo Smith");
            caseUrl = jo.path();
            reference = jo.waitFor(By.cssSelector("h1 span")).getText();
        }
        try (Browser kate = new Browser().signIn("kate.moss")) {
            kate.go(caseUrl);
            assertThat(kate.text()).contains("Page not found").doesNotContain(title);
            kate.click(By.id("ask-for-access"));
            kate.click(By.id("send-request"));
            assertThat(kate.waitFor(By.id("reason-error")).getText()).contains("Enter why you need to see the case");
            kate.type(By.id("reason"), "Our tenant at the address; we are considering tenancy enforcement");
            kate.click(By.id("send-request"));
            assertThat(kate.text()).contains("Your request has been sent").doesNotContain(title).doesNotContain(reference);
            assertThat(kate.waitFor(By.id("my-requests")).getText()).contains("Waiting for an answer")
                    .contains("considering tenancy enforcement");

            // a case that does not exist gets exactly the same answer
            kate.go("/cases/0123456789abcdef01234567");
            assertThat(kate.text()).contains("Page not found");
            kate.click(By.id("ask-for-access"));
            kate.type(By.id("reason"), "A link a colleague sent me");
            kate.click(By.id("send-request"));
            assertThat(kate.text()).contains("Your request has been sent");
        }
        try (Browser jo = new Browser().signIn("jo.smith")) {
            jo.go("/access-requests");
            WebElement request = jo.waitFor(By.xpath("//div[contains(@class,'govuk-summary-card')][contains(., '" + reference + "')]"));
            assertThat(request.getText()).contains("kate.moss").contains("Thirteen Group").contains("considering tenancy enforcement");
            request.findElement(By.xpath(".//button[normalize-space()='Give access']")).click();
            assertThat(jo.text()).contains("Access given");
        }
        try (Browser kate = new Browser().signIn("kate.moss")) {
            kate.go("/access-requests");
            assertThat(kate.waitFor(By.id("my-requests")).getText()).contains("Access given");
            // the access decision reaches case-service over Kafka
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                kate.go(caseUrl);
                assertThat(kate.waitFor(By.id("main-content")).getText()).contains(title);
            });
        }
    }

    @Test
    void joSharesACaseWithAnOrganisationAndANamedPersonElsewhereThenRevokesThePersonsShare() throws Exception {
        String title = "Threats on the landing " + letters();
        try (Browser jo = new Browser().signIn("jo.smith"); Browser anna = new Browser().signIn("anna.bell")) {
            openCase(jo, title, "Jo Smith");
            String caseUrl = jo.path();
            anna.go(caseUrl); // and so she is in the partnership's directory, to be named
            assertThat(anna.text()).contains("Page not found").doesNotContain(title);

            jo.tab("sharing");
            jo.click(By.cssSelector("label[for='share-kind']"));
            jo.choose(By.id("share-organisation"), "Thirteen Group");
            jo.type(By.id("share-reason"), "Their tenant; tenancy enforcement may follow");
            jo.click(By.id("share"));
            assertThat(jo.text()).contains("Case shared");
            jo.tab("sharing");
            assertThat(jo.waitFor(By.id("shares")).getText()).contains("Thirteen Group")
                    .contains("Tees Anti-social Behaviour Information Sharing Protocol");

            // the directory the console keeps for 15 s names her once it has read it again
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
                jo.go(caseUrl);
                jo.tab("sharing");
                assertThat(jo.waitFor(By.id("share-person")).getText()).contains("Anna Bell");
            });
            jo.click(By.cssSelector("label[for='share-kind-USER']"));
            jo.choose(By.id("share-person"), "Anna Bell");
            jo.choose(By.id("share-consent"), "Given");
            jo.click(By.id("share"));
            assertThat(jo.waitFor(By.id("share-reason-error")).getText()).contains("Enter why you are sharing the case");
            assertThat(selected(jo, "share-person")).isEqualTo("Anna Bell");
            assertThat(selected(jo, "share-consent")).isEqualTo("Given");
            assertThat(jo.driver.findElement(By.id("share-kind-USER")).isSelected()).isTrue();

            // the form, its errors and the shares table at a phone's width, where every tab's panel shows
            jo.driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
            assertThat(jo.scrollWidth()).isLessThanOrEqualTo(375);
            Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                    .analyze(jo.driver);
            assertThat(results.getViolations()).filteredOn(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                    .extracting(v -> v.getId() + " — " + v.getHelp()).isEmpty();
            jo.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

            jo.type(By.id("share-reason"), "Her offender lives at the address");
            jo.click(By.id("share"));
            assertThat(jo.text()).contains("Case shared");
            jo.tab("sharing");
            assertThat(jo.waitFor(By.id("shares")).getText()).contains("Anna Bell (National Probation Service (North East))");

            // the access decisions reach case-service over Kafka
            try (Browser kate = new Browser().signIn("kate.moss")) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    kate.go(caseUrl);
                    assertThat(kate.waitFor(By.id("main-content")).getText()).contains(title);
                });
            }
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                anna.go(caseUrl);
                assertThat(anna.waitFor(By.id("main-content")).getText()).contains(title);
            });
            try (Browser dan = new Browser().signIn("dan.hughes")) {
                dan.go(caseUrl);
                assertThat(dan.text()).contains("Page not found").doesNotContain(title);
            }

            jo.click(By.xpath("//table[@id='shares']//tr[contains(., 'Anna Bell')]//button"));
            assertThat(jo.text()).contains("Share revoked");
            jo.tab("sharing");
            assertThat(jo.waitFor(By.id("shares")).getText()).contains("Thirteen Group").doesNotContain("Anna Bell");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                anna.go(caseUrl);
                assertThat(anna.text()).contains("Page not found").doesNotContain(title);
            });
        }
    }

    @Test
    void kateAsksForAccessByTheCaseReferenceSheWasGivenAndOpensTheCaseOnceJoGivesIt() throws Exception {
        String title = "Noise from the flat above " + letters();
        String caseUrl;
        String reference;
        try (Browser jo = new Browser().signIn("jo.smith")) {
            openCase(jo, title, "Jo Smith");
            caseUrl = jo.path();
            reference = jo.waitFor(By.cssSelector("h1 span")).getText();
        }
        try (Browser kate = new Browser().signIn("kate.moss")) {
            kate.go("/access-requests");
            kate.click(By.id("ask-by-reference"));
            kate.type(By.id("reason"), "The referral from the council names our tenant");
            kate.click(By.id("send-request"));
            assertThat(kate.waitFor(By.id("reference-error")).getText()).contains("Enter the case reference");
            // a reference that names no case gets exactly the same answer
            kate.type(By.id("reference"), "ASB-1999-000001");
            kate.click(By.id("send-request"));
            assertThat(kate.text()).contains("Your request has been sent");
            kate.go("/access-requests/new");
            kate.type(By.id("reference"), " " + reference.toLowerCase() + " ");
            kate.type(By.id("reason"), "The referral from the council names our tenant");
            kate.click(By.id("send-request"));
            assertThat(kate.text()).contains("Your request has been sent").doesNotContain(title);
            assertThat(kate.waitFor(By.id("my-requests")).getText()).contains(reference).contains("ASB-1999-000001");
        }
        try (Browser jo = new Browser().signIn("jo.smith")) {
            // sharing-service learns the reference from case.opened on Kafka
            WebElement request = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                jo.go("/access-requests");
                return jo.all(By.xpath("//div[contains(@class,'govuk-summary-card')][contains(., '" + reference + "')]"));
            }, found -> !found.isEmpty()).get(0);
            assertThat(request.getText()).contains("kate.moss").contains("names our tenant");
            assertThat(jo.text()).doesNotContain("ASB-1999-000001");
            request.findElement(By.xpath(".//button[normalize-space()='Give access']")).click();
            assertThat(jo.text()).contains("Access given");
        }
        try (Browser kate = new Browser().signIn("kate.moss")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                kate.go("/access-requests");
                kate.click(By.linkText("Open " + reference));
                assertThat(kate.waitFor(By.id("main-content")).getText()).contains(title);
            });
            assertThat(kate.path()).isEqualTo(caseUrl);
        }
    }

    @Test
    void joOffersTheLeadToThirteenGroupWhoAcceptIt() throws Exception {
        String title = "Rent arrears and nuisance " + letters();
        String caseUrl;
        try (Browser jo = new Browser().signIn("jo.smith")) {
            openCase(jo, title, "Jo Smith");
            caseUrl = jo.path();
            jo.click(By.xpath("//span[normalize-space()='Offer the lead to another organisation']"));
            jo.choose(By.id("toOrganisation"), "Thirteen Group");
            jo.click(By.id("offer-transfer"));
            assertThat(jo.text()).contains("The lead was not offered").contains("Enter why they should lead it");
            jo.click(By.id("back-to-case"));
            jo.click(By.xpath("//span[normalize-space()='Offer the lead to another organisation']"));
            jo.choose(By.id("toOrganisation"), "Thirteen Group");
            jo.type(By.id("transferReason"), "Tenancy enforcement is now the main route");
            jo.click(By.id("offer-transfer"));
            assertThat(jo.text()).contains("Lead offered");
            assertThat(jo.waitFor(By.id("transfer-offer")).getText()).contains("The lead is offered to Thirteen Group");
        }
        try (Browser tom = new Browser().signIn("tom.reid")) {
            tom.go("/cases");
            tom.click(By.id("offered-cases"));
            WebElement offer = tom.waitFor(By.xpath("//div[contains(@class,'govuk-summary-card')][contains(., '" + title + "')]"));
            assertThat(offer.getText()).contains("Stockton-on-Tees Borough Council Community Safety")
                    .contains("Tenancy enforcement is now the main route");
            offer.findElement(By.xpath(".//button[normalize-space()='Accept the lead']")).click();
            assertThat(tom.text()).contains("You now lead this case").contains(title);
            assertThat(tom.path()).isEqualTo(caseUrl);
            assertThat(tom.waitFor(By.id("summary")).getText()).contains("Thirteen Group").contains("tom.reid");
        }
    }

    @Test
    void aSupervisorMergesTwoRecordsOfOnePersonUndoesItAndSaysAnotherPairAreDifferentPeople() throws Exception {
        String surname = "Harrow" + letters();
        String other = "Fenwick" + letters();
        try (Browser pc = new Browser().signIn("pc.adams")) {
            registerPerson(pc, "Daniel", surname, "1979-11-23", "3 Mill Lane", "TS24 8BB");
            registerPerson(pc, "Danny", surname, "1979-11-23", "3 Mill Lane", "TS24 8BB");
            registerPerson(pc, "Grace", other, "1990-05-14", "9 Dock Street", "TS24 7RR");
            registerPerson(pc, "Grace", other, "1990-05-14", "9 Dock Street", "TS24 7RR");
            // duplicate review is for supervisors
            pc.go("/people/duplicates");
            assertThat(pc.text()).contains("Page not found");
            pc.go("/people");
            assertThat(pc.all(By.id("review-duplicates"))).isEmpty();
        }
        try (Browser sergeant = new Browser().signIn("sgt.baker")) {
            sergeant.go("/people");
            sergeant.click(By.id("review-duplicates"));
            WebElement pair = pairOf(sergeant, surname);
            assertThat(pair.getText()).contains("Daniel " + surname).contains("Danny " + surname).contains("Cleveland Police");
            String kept = pair.findElement(By.xpath(".//label[starts-with(normalize-space(), 'Record 1')]")).getText();
            pair.findElement(By.xpath(".//button[normalize-space()='Merge the records']")).click();
            assertThat(sergeant.waitFor(By.cssSelector(".govuk-error-summary")).getText()).contains("Enter why they are the same person");
            pair = pairOf(sergeant, surname);
            pair.findElement(By.tagName("textarea")).sendKeys("Same date of birth and address; Danny is a short form");
            pair.findElement(By.xpath(".//button[normalize-space()='Merge the records']")).click();
            assertThat(sergeant.text()).contains("Records merged");
            assertThat(sergeant.waitFor(By.tagName("h1")).getText()).isEqualTo(kept.substring(kept.indexOf(": ") + 2));

            sergeant.type(By.id("unmerge-reason-1"), "Merged by mistake: father and son");
            sergeant.click(By.id("unmerge-1"));
            assertThat(sergeant.text()).contains("Merge undone");
            assertThat(sergeant.all(By.id("unmerge-1"))).isEmpty();

            sergeant.go("/people/duplicates");
            pairOf(sergeant, other).findElement(By.xpath(".//button[normalize-space()='They are not the same person']")).click();
            assertThat(sergeant.text()).contains("Marked as different people").doesNotContain(other);
        }
    }

    @Test
    void joChangesHerEmailPreferencesAndAnAddressOutsideHerOrganisationIsRefused() throws Exception {
        try (Browser jo = new Browser().signIn("jo.smith")) {
            jo.go("/notifications");
            jo.click(By.id("email-preferences"));
            jo.type(By.id("address"), "jo.smith@gmail.example");
            jo.click(By.id("save-preferences"));
            assertThat(jo.waitFor(By.id("address-error")).getText()).contains("organisation");
            jo.type(By.id("address"), "jo.smith@stockton.casebridge.test");
            jo.choose(By.id("kind_TASK_ASSIGNED"), "Never");
            jo.choose(By.id("kind_CASE_SHARED"), "Each morning");
            jo.click(By.id("save-preferences"));
            assertThat(jo.text()).contains("Your e-mail preferences are saved");
            jo.driver.navigate().refresh();
            assertThat(jo.driver.findElement(By.id("address")).getDomProperty("value")).isEqualTo("jo.smith@stockton.casebridge.test");
            assertThat(selected(jo, "kind_TASK_ASSIGNED")).isEqualTo("Never");
            assertThat(selected(jo, "kind_CASE_SHARED")).isEqualTo("Each morning");
        }
    }

    @Test
    void theAnalystSeesThePartnershipsFiguresWithoutPersonalDataAndAPractitionerDoesNot() throws Exception {
        String title = "Counted case " + letters();
        try (Browser jo = new Browser().signIn("jo.smith")) {
            openCase(jo, title, "Jo Smith");
            assertThat(jo.all(By.linkText("Figures"))).isEmpty();
            jo.go("/figures");
            assertThat(jo.text()).contains("Page not found");
        }
        try (Browser analyst = new Browser().signIn("analyst.tees")) {
            analyst.click(By.linkText("Figures"));
            assertThat(analyst.waitFor(By.tagName("h1")).getText()).isEqualTo("Partnership figures");
            assertThat(analyst.waitFor(By.id("case-figures")).getText())
                    .contains("Stockton-on-Tees Borough Council Community Safety").contains("ASB – personal");
            assertThat(Long.parseLong(analyst.waitFor(By.cssSelector("#case-totals td")).getText())).isPositive();
            // counted by party-service for the analyst, who may not list the places themselves
            assertThat(analyst.text()).contains("of concern now").doesNotContain("cannot be counted");
            assertThat(analyst.html()).doesNotContain(title).doesNotContain("jo.smith");
            // a period with nothing in it
            analyst.go("/figures?from=2001-01-01&to=2001-01-31");
            assertThat(analyst.text()).contains("No cases in this period");
            analyst.go("/figures?from=2001-02-30&to=2001-01-31");
            assertThat(analyst.waitFor(By.id("from-error")).getText()).contains("real date");
        }
    }

    @Test
    void aPlaceIsRegisteredWithTheKeyboardAlone() throws Exception {
        String street = "Keyboard Walk " + letters();
        try (Browser keys = new Browser().signIn("raj.patel")) {
            keys.go("/places");
            tabTo(keys, By.id("register-place"));
            press(keys, Keys.ENTER);
            tabTo(keys, By.id("addressLine1"));
            press(keys, "2 " + street);
            tabTo(keys, By.id("postcode"));
            press(keys, "TS18 2QQ");
            tabTo(keys, By.id("type"));
            press(keys, "S"); // the first kind starting with S: street
            tabTo(keys, By.id("register"));
            press(keys, Keys.ENTER);
            assertThat(keys.waitFor(By.id("place-address")).getText()).isEqualTo("2 " + street + ", TS18 2QQ");
            assertThat(keys.text()).contains("Place registered").contains("Street");
        }
    }

    @Test
    void theNewPagesFitAPhoneAndHaveNoSeriousOrCriticalAccessibilityProblem() throws Exception {
        List<String> problems = new ArrayList<>();
        try (Browser phone = new Browser(375, 812).signIn("helen.wood")) {
            openCase(phone, "Phone check " + letters(), "Helen Wood");
            String caseUrl = phone.path();
            phone.go("/places/new");
            phone.type(By.id("addressLine1"), "5 Phone Street " + letters());
            phone.choose(By.id("type"), "Dwelling");
            phone.click(By.id("register"));
            phone.waitFor(By.id("place-address"));
            String placeUrl = phone.path();
            for (String page : List.of("/places", "/places/new", placeUrl, "/places?case=" + caseUrl.substring(7),
                    "/access-requests", "/access-requests/new?case=0123456789abcdef01234567", "/access-requests/new",
                    "/access-requests/new?person=0123456789abcdef01234567&organisation=CLEVELAND_POLICE", "/people/duplicates",
                    "/settings/notifications", "/figures", "/cases/0123456789abcdef01234567", "/cases/transfers")) {
                phone.go(page);
                phone.waitFor(By.id("main-content"));
                assertThat(phone.scrollWidth()).as("width of " + page).isLessThanOrEqualTo(375);
                Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                        .analyze(phone.driver);
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
    void helenAddsATeamAndDeactivatesThenReactivatesRajAndThePartnershipAdministratorOpensTheEmailQueue() throws Exception {
        List<String> problems = new ArrayList<>();
        String team = "Youth Outreach " + letters();
        String code = "YOUTH_" + letters().toUpperCase();
        By deactivateRaj = By.xpath("//button[@id='deactivate-raj.patel']");
        By rajsRow = By.xpath("//tr[@id='user-row-raj.patel']");
        try (Browser helen = new Browser(375, 812).signIn("helen.wood")) {
            assertThat(helen.all(By.id("menu-administration"))).isNotEmpty();
            helen.go("/admin");
            helen.click(By.id("admin-users"));
            fitsAndHasNoSeriousProblem(helen, problems);
            helen.type(By.id("teamName"), team);
            helen.click(By.id("add-team"));
            assertThat(helen.waitFor(By.id("code-error")).getText()).contains("Enter a short code");
            helen.type(By.id("code"), code);
            helen.click(By.id("add-team"));
            assertThat(helen.text()).contains("Team added");
            assertThat(helen.waitFor(By.id("teams")).getText()).contains(team);

            helen.click(deactivateRaj);
            assertThat(helen.text()).contains("User deactivated");
            assertThat(helen.waitFor(rajsRow).getText()).contains("Raj Patel").contains("Deactivated");
            fitsAndHasNoSeriousProblem(helen, problems);
            helen.click(By.xpath("//button[@id='reactivate-raj.patel']"));
            assertThat(helen.text()).contains("User reactivated");
            assertThat(helen.waitFor(rajsRow).getText()).contains("Active").doesNotContain("Deactivated");
        }
        try (Browser jo = new Browser().signIn("jo.smith")) {
            assertThat(jo.all(By.id("menu-administration"))).isEmpty();
            for (String page : List.of("/admin", "/admin/users", "/admin/deliveries")) {
                jo.go(page);
                assertThat(jo.text()).as(page).contains("Page not found").doesNotContain("Raj Patel");
            }
        }
        try (Browser admin = new Browser(375, 812).signIn("admin.tees")) {
            admin.go("/admin");
            admin.click(By.id("admin-deliveries"));
            assertThat(admin.waitFor(By.id("main-content")).getText()).contains("E-mail delivery queue");
            fitsAndHasNoSeriousProblem(admin, problems);
            admin.choose(By.id("status"), "Sent");
            admin.click(By.id("show-deliveries"));
            admin.waitFor(By.id("main-content"));
            fitsAndHasNoSeriousProblem(admin, problems);
            admin.go("/admin/users");
            assertThat(admin.text()).contains("Page not found");
        }
        assertThat(problems).isEmpty();
    }

    private static void fitsAndHasNoSeriousProblem(Browser phone, List<String> problems) {
        String page = phone.path();
        assertThat(phone.scrollWidth()).as("width of " + page).isLessThanOrEqualTo(375);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
                .analyze(phone.driver);
        for (Rule violation : results.getViolations()) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                problems.add(page + ": " + violation.getId() + " — " + violation.getHelp());
            }
        }
    }

    private static WebElement pairOf(Browser browser, String surname) {
        return browser.waitFor(By.xpath("//div[contains(@class,'govuk-summary-card')][contains(., '" + surname + "')]"));
    }

    private static String selected(Browser browser, String select) {
        return new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id(select))).getFirstSelectedOption().getText();
    }

    /** A date field is filled as the browser's date picker would leave it (its value is always yyyy-mm-dd). */
    private static void setDate(Browser browser, By field, LocalDate date) {
        browser.driver.executeScript("arguments[0].value = arguments[1]", browser.waitFor(field), date.toString());
    }

    /** Six random letters, so each run's names are its own and sound unlike each other's. */
    private static String letters() {
        StringBuilder letters = new StringBuilder();
        for (char c : UUID.randomUUID().toString().replace("-", "").substring(0, 6).toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return letters.toString();
    }

    private static void registerPerson(Browser browser, String given, String family, String dateOfBirth, String address,
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

    private static void openCase(Browser browser, String title, String leadOfficer) {
        browser.go("/cases/new");
        browser.choose(By.id("type"), "ASB – personal");
        browser.type(By.id("title"), title);
        browser.type(By.id("summary"), "Reported by a neighbour.");
        browser.choose(By.id("leadOfficer"), leadOfficer);
        browser.click(By.id("open-case"));
        browser.waitFor(By.id("case-title"));
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
}
