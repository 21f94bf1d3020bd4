package org.casebridge.localstack.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One person at one browser: Debian's headless Chromium driven through its own chromedriver, a fresh profile each,
 * so each demo user has their own cookies. Nothing is downloaded.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String CONSOLE = "http://localhost:8080";

    final ChromeDriver driver;
    private final Path profile;

    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
    }

    Browser(int width, int height) throws IOException {
        profile = Files.createTempDirectory("casebridge-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Browser() throws IOException {
        this(1280, 1000);
    }

    /** Signs in at the development issuer's page, as a person would, and lands on their home page. */
    Browser signIn(String username) {
        driver.get(CONSOLE + "/");
        type(By.id("username"), username);
        type(By.id("password"), "demo");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(By.id("signed-in-as"));
        return this;
    }

    void go(String path) {
        driver.get(CONSOLE + path);
    }

    WebElement waitFor(By element) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(element));
    }

    void type(By field, String text) {
        WebElement input = waitFor(field);
        input.clear();
        input.sendKeys(text);
    }

    void choose(By select, String visibleText) {
        new Select(waitFor(select)).selectByVisibleText(visibleText);
    }

    /**
     * Clicks as a person would. A click that sends a form or follows a link to another page returns once that page
     * has replaced this one: reading the page straight after must never read the page the click left (or a body torn
     * down under the read).
     */
    void click(By element) {
        WebElement target = waitFor(element);
        Boolean leavesThePage = (Boolean) ((JavascriptExecutor) driver).executeScript(LEAVES_THE_PAGE, target);
        WebElement page = driver.findElement(By.tagName("html"));
        target.click();
        if (Boolean.TRUE.equals(leavesThePage)) {
            new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class).until(d -> {
                try {
                    page.isEnabled();
                    return false;
                } catch (StaleElementReferenceException replaced) {
                    return true;
                }
            });
        }
    }

    /** Scrolls the target into view and tells whether clicking it loads another document (a submit, a link away). */
    private static final String LEAVES_THE_PAGE = """
            const t = arguments[0];
            t.scrollIntoView({block: 'center'});
            const submit = t.closest('button, input[type=submit]');
            if (submit && submit.form && submit.type === 'submit') return true;
            const link = t.closest('a[href]');
            if (!link || link.getAttribute('href').startsWith('#') || link.target) return false;
            return !(link.hash && link.href.split('#')[0] === location.href.split('#')[0]);
            """;

    /** Opens one of the case page's tabs, as a click on it would. */
    void tab(String name) {
        click(By.cssSelector("a.govuk-tabs__tab[href='#" + name + "']"));
    }

    /** The page's text, once it has one: straight after a click that submits a form the next page may not have a body yet. */
    String text() {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.tagName("body")).getText());
    }

    String html() {
        return driver.getPageSource();
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    List<WebElement> all(By elements) {
        return driver.findElements(elements);
    }

    long scrollWidth() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    void screenshot(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
