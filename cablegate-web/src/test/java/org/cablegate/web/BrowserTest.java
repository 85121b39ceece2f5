package org.cablegate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reader in a real browser (Debian's chromium, headless, driven by its chromedriver): browsing each dimension down
 * to a cable, following permalinks and REF links, searching and narrowing, paging to the end; and the accessibility a
 * browser can measure: text contrast as drawn, and the keyboard (skip link, every link and field reached by Tab with
 * its focus shown, a search run without a mouse). Saves screenshots of the main pages under target/screenshots.
 *
 * <p>Without chromium and chromedriver the test is skipped, and fails under CI ({@code CI=true}). Their paths can be
 * set with CHROMIUM_BIN and CHROMEDRIVER_BIN; both are given to Selenium explicitly so that it downloads nothing.
 */
class BrowserTest {
    private static final String MOSCOW = "/cable/2008/06/08MOSCOW1647.html";
    @TempDir
    static Path dir;
    static TestSite site;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = tool("CHROMIUM_BIN", "/usr/bin/chromium");
        Path driver = tool("CHROMEDRIVER_BIN", "/usr/bin/chromedriver");
        site = TestSite.start(dir, Duration.ofMinutes(10));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1024");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    private static Path tool(String variable, String standard) {
        String set = System.getenv(variable);
        Path path = Path.of(set == null || set.isBlank() ? standard : set);
        if (!Files.isExecutable(path)) {
            String message = path + " not found: install chromium and chromium-driver, or set " + variable;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but " + message);
            }
            Assumptions.abort(message);
        }
        return path;
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (site != null) {
            site.close();
        }
    }

    private static void open(String path) {
        browser.get(site.url(path));
    }

    private static void click(By by) {
        WebElement link = browser.findElement(by);
        String href = link.getAttribute("href");
        if (href != null && withoutFragment(href).equals(withoutFragment(browser.getCurrentUrl()))) {
            link.click(); // a place on this page (a paragraph's permalink): nothing is loaded
        } else {
            navigating(link::click);
        }
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }

    /**
     * Runs what loads a new page and waits until it has replaced the old one: a click or a submit returns before the
     * navigation, and an element read right after can be the old page's, gone a moment later (a stale element).
     */
    private static void navigating(Runnable action) {
        WebElement before = browser.findElement(By.tagName("html"));
        action.run();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(before));
    }

    private static String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    private static void screenshot(String name) throws Exception {
        Path dirOut = Path.of("target", "screenshots");
        Files.createDirectories(dirOut);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dirOut.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** From a listing, the first cable's page. */
    private static void firstCable() {
        click(By.cssSelector("table.cables tbody tr td a"));
        assertThat(heading()).startsWith("Viewing cable ");
    }

    @Test
    void fromTheHomePageEachDimensionLeadsToACable() throws Exception {
        open("/");
        assertThat(browser.getTitle()).isEqualTo("Cablegate: US diplomatic cables");
        screenshot("home");
        // The counter and the latest days are in the release box every page frames; its links open in the window.
        WebElement home = browser.findElement(By.tagName("html"));
        browser.switchTo().frame(browser.findElement(By.cssSelector("nav.browse iframe.release-box")));
        assertThat(browser.findElement(By.cssSelector(".counter")).getText())
                .isEqualTo("Currently released so far... 185 / 187");
        browser.findElement(By.cssSelector("ul li a[href^='/reldate/2']")).click();
        browser.switchTo().defaultContent();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(home));
        assertThat(heading()).startsWith("Cables released on ");
        screenshot("listing");
        firstCable();

        open("/");
        click(By.cssSelector("nav.browse a[href='/date/index.html#y2008']"));
        click(By.cssSelector("a[href='/date/2008-06_0.html']"));
        assertThat(heading()).isEqualTo("Cables created in June 2008");
        firstCable();

        open("/");
        click(By.cssSelector("nav.browse a[href='/origin/index.html#M']"));
        click(By.linkText("Embassy Moscow"));
        assertThat(heading()).isEqualTo("Cables from Embassy Moscow");
        firstCable();

        open("/");
        click(By.cssSelector("nav.browse a[href='/tag/index.html#P']"));
        click(By.linkText("PTER"));
        assertThat(heading()).isEqualTo("Cables tagged PTER");
        firstCable();

        open("/");
        click(By.linkText("SECRET"));
        assertThat(heading()).isEqualTo("Cables classified SECRET");
        firstCable();
    }

    @Test
    void aParagraphPermalinkAndARefLinkLeadWhereTheySay() throws Exception {
        open("/cable/2008/06/08MOSCOW1647.html");
        assertThat(heading()).isEqualTo("Viewing cable 08MOSCOW1647, SCENESETTER FOR COUNTERTERRORISM WORKING GROUP");
        screenshot("cable");
        click(By.id("par3"));
        assertThat(browser.getCurrentUrl()).endsWith("/cable/2008/06/08MOSCOW1647.html#par3");

        open("/cable/2010/02/10TESTPOST1.html");
        click(By.linkText("08 MOSCOW 1647"));
        assertThat(browser.getCurrentUrl()).endsWith("/cable/2008/06/08MOSCOW1647.html");
    }

    /** On a phone's width the pages fit: the page itself never scrolls sideways (wide tables and text scroll inside). */
    @Test
    void pagesFitAPhonesWidth() throws Exception {
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            for (String path : List.of("/", MOSCOW, "/tag/PREL_0.html", "/search?q=iran", "/tag/index.html")) {
                open(path);
                Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertThat(overflow).as(path + ": pixels of sideways scrolling").isZero();
            }
            open(MOSCOW);
            screenshot("cable-phone");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1024));
        }
    }

    @Test
    void aSearchIsNarrowedByClickingAFacet() throws Exception {
        open("/");
        WebElement box = browser.findElement(By.id("site-q"));
        box.sendKeys("iran");
        navigating(box::submit);
        assertThat(heading()).isEqualTo("Search the cables");
        assertThat(browser.findElements(By.cssSelector("ol.results > li"))).isNotEmpty();
        assertThat(browser.findElements(By.tagName("mark"))).isNotEmpty();
        screenshot("search");

        WebElement facet = browser.findElement(By.cssSelector("aside.facets ul.counts a"));
        String value = facet.getText();
        long count = Long.parseLong(facet.findElement(By.xpath("following-sibling::span")).getText().replace(",", ""));
        navigating(facet::click);
        assertThat(browser.findElement(By.cssSelector("ul.filters a")).getText()).contains(value);
        assertThat(browser.findElement(By.cssSelector("p.total")).getText()).endsWith("of " + count + " cables");
    }

    @Test
    void aListingPagesToItsLastPage() throws Exception {
        open("/tag/PREL_0.html");
        List<WebElement> pages = browser.findElements(By.cssSelector("nav.pager li a:not([rel])"));
        navigating(pages.get(pages.size() - 1)::click);
        assertThat(browser.findElements(By.cssSelector("nav.pager a[rel='next']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("nav.pager a[rel='prev']"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("table.cables tbody tr"))).isNotEmpty();
        assertThat(browser.getCurrentUrl()).matches(".*/tag/PREL_[1-9]\\d*\\.html");
    }

    /** WCAG 2.2 AA 1.4.3: on every main page, all text contrasts enough with what is behind it, as chromium drew it. */
    @Test
    void everyTextContrastsWithItsBackground() throws Exception {
        String script;
        try (var in = BrowserTest.class.getResourceAsStream("contrast.js")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        for (String path : List.of("/", MOSCOW, "/tag/PREL_0.html", "/tag/index.html", "/search?q=iran", "/faq.html",
                "/nothing-here", "/cable/2009/04/09TRIPOLI310.html")) {
            open(path);
            String checked = (String) ((JavascriptExecutor) browser).executeScript(script);
            assertThat(checked).as(path).matches("0 low of [1-9]\\d+");
        }
    }

    /**
     * WCAG 2.2 AA 2.1.1, 2.4.1 and 2.4.7: the first Tab reaches the skip link, shown when focused, which leads into the
     * main content; every element the keyboard reaches shows where the focus is; a search runs from the keyboard.
     */
    @Test
    void theKeyboardReachesEverythingAndShowsWhereItIs() {
        open("/");
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getAttribute("class")).isEqualTo("skip");
        assertThat(skip.getRect().getX()).as("the skip link comes into view").isGreaterThanOrEqualTo(0);
        skip.sendKeys(Keys.ENTER);
        keys.sendKeys(Keys.TAB).perform();
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.activeElement.closest('main') !== null")).as("Tab after the skip link").isTrue();

        open("/");
        String targets = "a[href], input, select, button, [tabindex='0']";
        List<WebElement> focusable = browser.findElements(By.cssSelector(targets));
        // The release box's links are in its frame: Tab goes through them too, and each shows its focus there.
        WebElement frame = browser.findElement(By.cssSelector("iframe.release-box"));
        browser.switchTo().frame(frame);
        List<String> framed = browser.findElements(By.cssSelector(targets)).stream()
                .map(e -> e.getAttribute("href")).toList();
        browser.switchTo().defaultContent();
        java.util.Set<WebElement> reached = new java.util.HashSet<>();
        List<String> reachedInFrame = new ArrayList<>();
        for (int i = 0; i < focusable.size() + framed.size(); i++) {
            keys.sendKeys(Keys.TAB).perform();
            WebElement at = browser.switchTo().activeElement();
            if (at.equals(frame)) {
                browser.switchTo().frame(frame);
                at = browser.switchTo().activeElement();
                reachedInFrame.add(at.getAttribute("href"));
            } else {
                reached.add(at);
            }
            String outline = at.getCssValue("outline-style");
            assertThat(outline).as("focus shown on " + at.getAttribute("outerHTML")).isNotEqualTo("none");
            browser.switchTo().defaultContent();
        }
        assertThat(reached).as("every link and field reached by Tab").containsExactlyInAnyOrderElementsOf(focusable);
        assertThat(reachedInFrame).as("every link of the release box reached by Tab, in order").isEqualTo(framed)
                .hasSizeGreaterThan(2);

        open("/");
        WebElement box = browser.findElement(By.id("site-q"));
        for (int i = 0; i < 100 && !box.equals(browser.switchTo().activeElement()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertThat(browser.switchTo().activeElement()).as("the search field reached by Tab").isEqualTo(box);
        keys.sendKeys("iran").sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("/search?"));
        assertThat(heading()).isEqualTo("Search the cables");
        assertThat(browser.findElements(By.cssSelector("ol.results > li"))).isNotEmpty();
    }
}
