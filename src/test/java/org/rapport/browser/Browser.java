package org.rapport.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, driven headless for Rapport's browser tests, with an axe-core scan of each
 * page. Where Chromium or axe-core is missing the tests are skipped, unless
 * {@code RAPPORT_BROWSER_TESTS=required} (as in CI), where they fail instead.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final String axeScript;

    private Browser(ChromeDriver driver, String baseUrl, String axeScript) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.axeScript = axeScript;
    }

    /** Starts a browser, or skips (or fails, where required) the test when this machine cannot run one. */
    public static Browser open(String baseUrl, Dimension size) {
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            if ("required".equalsIgnoreCase(System.getenv("RAPPORT_BROWSER_TESTS"))) {
                throw new IllegalStateException("Browser tests are required but " + missing.get());
            }
            Assumptions.abort("Browser test skipped: " + missing.get());
        }
        try {
            Path profile = Files.createTempDirectory("rapport-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--lang=en-GB", "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(size);
            driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
            return new Browser(driver, baseUrl, Files.readString(axeScriptPath().orElseThrow()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<String> missing() {
        if (!Files.isExecutable(CHROMIUM)) return Optional.of("Chromium is not installed at " + CHROMIUM);
        if (!Files.isExecutable(CHROMEDRIVER)) return Optional.of("ChromeDriver is not installed at " + CHROMEDRIVER);
        if (axeScriptPath().isEmpty()) {
            return Optional.of("axe-core is not installed (npm install axe-core, or set RAPPORT_AXE_SCRIPT)");
        }
        return Optional.empty();
    }

    private static Optional<Path> axeScriptPath() {
        String configured = System.getenv("RAPPORT_AXE_SCRIPT");
        return Stream.of(configured == null ? null : Path.of(configured),
                        Path.of("node_modules/axe-core/axe.min.js"),
                        Path.of("/usr/local/lib/node_modules/axe-core/axe.min.js"),
                        Path.of("/usr/lib/node_modules/axe-core/axe.min.js"))
                .filter(p -> p != null && Files.isReadable(p)).findFirst();
    }

    public Browser visit(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public void signIn(String username, String password) {
        visit("/login");
        fill("Sign-in name", username);
        fill("Password", password);
        press("Sign in");
    }

    /** Types into the field whose label reads exactly this. */
    public Browser fill(String label, String text) {
        WebElement field = field(label);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Sets a date field by its label (ISO date), whatever the browser's date widget. */
    public Browser fillDate(String label, String isoDate) {
        WebElement field = field(label);
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", field, isoDate);
        return this;
    }

    public Browser choose(String label, String visibleText) {
        new Select(field(label)).selectByVisibleText(visibleText);
        return this;
    }

    public Browser check(String label) {
        WebElement box = field(label);
        if (!box.isSelected()) box.click();
        return this;
    }

    /** Chooses the radio button with this value inside the element with this id. */
    public Browser checkRadioIn(String containerId, String value) {
        driver.findElement(By.id(containerId)).findElement(By.cssSelector("input[type=radio][value='" + value + "']"))
                .click();
        return this;
    }

    public Browser uncheck(String label) {
        WebElement box = field(label);
        if (box.isSelected()) box.click();
        return this;
    }

    public WebElement field(String label) {
        WebElement labelElement = driver.findElements(By.tagName("label")).stream()
                .filter(l -> l.getText().strip().equals(label) || label.equals(l.getDomProperty("textContent").strip()))
                .findFirst().orElseThrow(() -> new AssertionError("No field labelled '" + label + "' on " + title()));
        return driver.findElement(By.id(labelElement.getDomAttribute("for")));
    }

    /** Presses the button (or link styled as one) that reads exactly this. */
    public Browser press(String text) {
        return clickAndWaitForNextPage(driver.findElements(By.cssSelector("button, a.button, input[type=submit]"))
                .stream().filter(b -> b.getText().strip().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("No button '" + text + "' on " + title())));
    }

    public Browser pressWithin(String containerId, String text) {
        return clickAndWaitForNextPage(driver.findElement(By.id(containerId)).findElements(By.cssSelector("button"))
                .stream().filter(b -> b.getText().strip().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("No button '" + text + "' in #" + containerId)));
    }

    public Browser follow(String linkText) {
        return clickAndWaitForNextPage(driver.findElement(By.linkText(linkText)));
    }

    /** Follows the first link inside the element with this id. */
    public Browser followFirstLinkIn(String containerId) {
        return clickAndWaitForNextPage(driver.findElement(By.id(containerId)).findElement(By.tagName("a")));
    }

    /** Follows the last link inside the element with this id. */
    public Browser followLastLinkIn(String containerId) {
        List<WebElement> links = driver.findElement(By.id(containerId)).findElements(By.cssSelector("li a"));
        return clickAndWaitForNextPage(links.get(links.size() - 1));
    }

    /** Follows the first link whose text starts with these words (for links with extra words for screen readers). */
    public Browser followStartingWith(String linkText) {
        return clickAndWaitForNextPage(driver.findElement(By.partialLinkText(linkText)));
    }

    /** Every button and link here loads a new page; wait for it, so the next step never reads the old one. */
    private Browser clickAndWaitForNextPage(WebElement element) {
        WebElement page = driver.findElement(By.tagName("html"));
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> isGone(page));
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(
                d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    private static boolean isGone(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (WebDriverException e) {
            // Stale, or (a Chromium quirk) "node does not belong to the document": either way, a new page.
            return true;
        }
    }

    public String title() {
        return driver.getTitle();
    }

    /** How wide the page is laid out, in CSS pixels: more than the window means it scrolls sideways. */
    public long pageWidth() {
        return (Long) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth;");
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    public String text() {
        return driver.findElement(By.tagName("main")).getText();
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    public String currentPath() {
        return driver.getCurrentUrl().substring(baseUrl.length());
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Runs axe-core on the page and fails on any serious or critical violation, naming each. */
    @SuppressWarnings("unchecked")
    public Browser assertAccessible() {
        driver.executeScript(axeScript);
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } })
                   .then(r => done(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5) }))))
                   .catch(e => done([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }]));
                """);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        List<String> serious = violations.stream()
                .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                .map(v -> v.get("impact") + " " + v.get("id") + ": " + v.get("help") + " at " + v.get("nodes"))
                .collect(Collectors.toList());
        assertThat(serious).as("axe-core serious or critical violations on '" + title() + "'").isEmpty();
        return this;
    }

    /** Saves a screenshot under target/screenshots, to look at what a person sees. */
    public Browser screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
            Dimension size = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(size.getWidth(), Math.min(4000, height.intValue() + 120)));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), dir.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(size);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
