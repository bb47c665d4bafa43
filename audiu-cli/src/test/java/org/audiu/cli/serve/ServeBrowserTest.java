package org.audiu.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * End to end in a real browser: Debian's headless Chromium driven by Selenium through the system chromedriver (no
 * browser or driver download: the driver's path is given, so Selenium Manager is never asked). Opens the page,
 * searches, picks seeds (one of them a track named {@code <script>...}), gets recommendations, checks what is shown,
 * predicts a genre and saves screenshots to {@code target/screenshots/}. Skips with a message when Chromium or
 * chromedriver is missing ({@code .ci/install-browser.sh} installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeBrowserTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private TestServer server;
    private WebDriver driver;
    private Path downloads;
    private Path exportZip;
    private WebDriverWait wait;

    /** A browser executable named by a system property or an environment variable, else the Debian path. */
    static File executable(String property, String env, String debianPath) {
        String configured = System.getProperty(property, System.getenv(env));
        return new File(configured != null && !configured.isBlank() ? configured : debianPath);
    }

    private static String describe(File f) {
        return f.getPath() + (f.canExecute() ? "" : ": missing");
    }

    /** Why the browser test cannot run here, or empty when it can. */
    private Optional<String> missing = Optional.empty();

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        File chromium = executable("audiu.chromium", "CHROME_BIN", "/usr/bin/chromium");
        File chromedriver = executable("audiu.chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver");
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            missing = Optional.of("Skipping the browser test: it needs Chromium (" + describe(chromium)
                    + ") and chromedriver (" + describe(chromedriver) + "). Install them with .ci/install-browser.sh "
                    + "(Debian packages chromium and chromium-driver), or point -Daudiu.chromium and "
                    + "-Daudiu.chromedriver (or CHROME_BIN and CHROMEDRIVER) at them.");
            return;
        }
        server = TestServer.startTestCatalogue(dir);
        downloads = Files.createDirectories(dir.resolve("downloads"));
        // A generated export (never a real listener's) of the test catalogue's tracks, zipped as Spotify sends it.
        exportZip = dir.resolve("my_spotify_data.zip");
        Files.write(exportZip, new SampleExport(server.backend().catalogue().tracks().stream()
                .map(org.audiu.core.catalogue.CatalogueTrack::track).filter(t -> t.id().startsWith("demo")).toList(), 11)
                .zip(600_000));
        ChromeOptions options = new ChromeOptions();
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
                downloads.toAbsolutePath().toString(), "download.prompt_for_download", false));
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--disable-extensions", "--user-data-dir=" + dir.resolve("profile"),
                "--window-size=1280,1500", "--force-device-scale-factor=1", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** Types into a search box and waits for at least one suggestion. */
    private List<WebElement> suggest(String inputId, String listId, String text) {
        WebElement input = byId(inputId);
        input.clear();
        input.sendKeys(text);
        By options = By.cssSelector("#" + listId + " .option");
        // Suggestions of a prefix typed so far may show first and be replaced: wait for the list of the whole text
        // (the page records the query it rendered), re-reading elements a re-render made stale.
        wait.ignoring(StaleElementReferenceException.class).until(d -> text.equals(byId(listId).getAttribute(
                "data-query")) && d.findElements(options).stream().anyMatch(WebElement::isDisplayed));
        return driver.findElements(options);
    }

    private static String main(WebElement option) {
        return option.findElement(By.className("main")).getText();
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void searchPickSeedsRecommendAndPredictAGenre() throws IOException {
        assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
        driver.get(server.url());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("catalogue-info"), "tracks"));
        assertTrue(byId("catalogue-info").getText().startsWith("1,603 tracks"), byId("catalogue-info").getText());
        // The page opens on the upload view; picking songs is the second tab.
        byId("tab-recommend").click();
        assertFalse(byId("recommend").isEnabled(), "nothing to recommend from yet");

        // A track by title.
        List<WebElement> velvet = suggest("search", "suggestions", "velvet");
        String firstTitle = main(velvet.get(0));
        assertTrue(firstTitle.toLowerCase(java.util.Locale.ROOT).startsWith("velvet"), firstTitle);
        velvet.get(0).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#seed-list .chip"), 1));

        // The hostile track: its name must show as text, not run.
        List<WebElement> hostile = suggest("search", "suggestions", "script");
        assertEquals(TestCatalogue.XSS_NAME, main(hostile.get(0)), "markup in a title is shown as text");
        hostile.get(0).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#seed-list .chip"), 2));
        String chip = driver.findElements(By.cssSelector("#seed-list .chip .text")).get(1).getText();
        assertEquals(TestCatalogue.XSS_NAME + " — " + TestCatalogue.XSS_ARTIST, chip);

        // An artist, chosen with the keyboard from the suggestions.
        List<WebElement> artists = suggest("search", "suggestions", "beyonce");
        assertTrue(artists.stream().anyMatch(o -> main(o).equals(TestCatalogue.ACCENT_ARTIST)));
        driver.findElements(By.cssSelector("#suggestions .option")).stream()
                .filter(o -> main(o).equals(TestCatalogue.ACCENT_ARTIST)).findFirst().orElseThrow().click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#seed-list .chip"), 3));
        assertEquals("(3)", byId("seed-count").getText());

        new Select(byId("limit")).selectByVisibleText("10");
        assertTrue(byId("recommend").isEnabled());
        byId("recommend").click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#results .card"), 10));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Done in"));

        List<WebElement> cards = driver.findElements(By.cssSelector("#results .card"));
        for (int i = 0; i < cards.size(); i++) {
            WebElement card = cards.get(i);
            assertEquals(String.valueOf(i + 1), card.findElement(By.className("rank")).getText());
            assertFalse(card.findElement(By.className("title")).getText().isBlank());
            assertFalse(card.findElements(By.cssSelector(".reasons li")).isEmpty(), "reasons shown");
            String score = card.findElement(By.className("score")).getText();
            assertTrue(score.matches("score -?\\d+\\.\\d{2}"), "the ranking score: " + score);
        }
        String summary = byId("summary").getText();
        // A few seeds: ranked by neighbours, no model and no AUC claimed.
        assertTrue(summary.startsWith("10 tracks for ") && summary.contains("by how close they sound to the seeds")
                && !summary.contains("AUC"), summary);

        // The chart: a seed bar and a recommendation bar per feature, drawn as SVG by the page's own script.
        assertTrue(byId("chart-box").isDisplayed());
        assertEquals(7, driver.findElements(By.cssSelector("#chart svg rect.bar-seed")).size() - 1,
                "7 feature bars plus the legend swatch");
        assertEquals(7, driver.findElements(By.cssSelector("#chart svg rect.bar-rec")).size() - 1);
        assertEquals(10 * 7 + 1, driver.findElements(By.cssSelector("#chart svg circle.dot-rec")).size(),
                "a dot per recommendation and feature, plus the legend's");
        List<String> labels = driver.findElements(By.cssSelector("#chart svg text.chart-label")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("danceability", "energy", "speechiness", "acousticness", "instrumentalness", "liveness",
                "valence"), labels);

        // Nothing from the data ran or became markup.
        assertEquals(Boolean.TRUE, js("return typeof window.__pwned === 'undefined'"), "no injected script ran");
        assertEquals(0L, js("return document.querySelectorAll('img, b, i, script:not([src])').length"),
                "no element was created from data");
        String reasons = driver.findElement(By.id("results")).getText();
        assertFalse(reasons.contains("&lt;"), "no double escaping");

        js("window.scrollTo(0, 0)");
        screenshot("serve.png");

        // A whole playlist as seeds.
        new Select(byId("playlist-select")).selectByValue(TestCatalogue.XSS_PLAYLIST_ID);
        byId("playlist-add").click();
        wait.until(d -> d.findElements(By.cssSelector("#seed-list .chip .kind")).stream()
                .anyMatch(k -> k.getText().equalsIgnoreCase("playlist")));
        assertTrue(driver.findElement(By.id("seed-list")).getText().contains(TestCatalogue.XSS_PLAYLIST_NAME));

        // The genre view.
        byId("tab-genre").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("genre-search")));
        List<WebElement> tracks = suggest("genre-search", "genre-suggestions", "cafe");
        assertEquals(TestCatalogue.ACCENT_NAME, main(tracks.get(0)));
        tracks.get(0).click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#genre-chart svg rect.bar-genre"), 10));
        assertEquals(TestCatalogue.ACCENT_NAME, byId("genre-track").getText());
        String verdict = byId("genre-verdict").getText();
        assertTrue(verdict.startsWith("Sounds like ") && verdict.contains("labelled Jazz"), verdict);
        assertEquals(1, driver.findElements(By.cssSelector("#genre-chart svg rect.bar-genre.predicted")).size());
        screenshot("serve-genre.png");
    }

    @Test
    void uploadAGeneratedExportSeeTheReportChartsAndListThenDownloadTheCsv() throws Exception {
        assumeTrue(missing.isEmpty(), () -> missing.orElse(""));
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500));
        driver.get(server.url());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("catalogue-info"), "tracks"));
        assertTrue(byId("view-upload").isDisplayed(), "the page opens on the upload view");
        WebElement how = byId("spotify-how");
        assertTrue(how.getText().contains("my_spotify_data.zip"), how.getText());
        assertEquals(UploadApi.SPOTIFY_EXPORT_URL, how.findElement(By.tagName("a")).getAttribute("href"));
        assertFalse(byId("upload").isEnabled(), "nothing chosen yet");
        js("window.scrollTo(0, 0)");
        screenshot("serve-upload-start.png");

        byId("upload-file").sendKeys(exportZip.toAbsolutePath().toString());
        assertEquals("my_spotify_data.zip", byId("upload-chosen").getText());
        assertTrue(byId("upload").isEnabled());
        byId("upload").click();
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#upload-results .card"), 20));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("upload-status"), "Done in"));

        // The report.
        String report = byId("upload-report").getText();
        assertTrue(report.contains("Plays read") && report.contains("5,000 of"), report);
        assertTrue(report.contains("20 podcast episodes"), report);
        assertTrue(report.contains("60 of 60 matched"), report);
        // The six charts, drawn by the server's chart library and shown as images.
        List<WebElement> charts = driver.findElements(By.cssSelector("#upload-charts figure.taste-chart img"));
        assertEquals(6, charts.size());
        for (WebElement img : charts) {
            wait.until(d -> ((Number) js("return arguments[0].naturalWidth", img)).intValue() > 0);
            assertEquals(TasteCharts.WIDTH, ((Number) js("return arguments[0].naturalWidth", img)).intValue());
            assertFalse(img.getAttribute("alt").isBlank());
        }
        // The list, with reasons.
        List<WebElement> cards = driver.findElements(By.cssSelector("#upload-results .card"));
        for (int i = 0; i < cards.size(); i++) {
            assertEquals(String.valueOf(i + 1), cards.get(i).findElement(By.className("rank")).getText());
            assertFalse(cards.get(i).findElements(By.cssSelector(".reasons li")).isEmpty(), "reasons shown");
        }
        assertTrue(byId("upload-summary").getText().startsWith("20 tracks ranked for you"),
                byId("upload-summary").getText());
        js("window.scrollTo(0, 0)");
        screenshot("serve-upload-desktop.png");

        // Take the list away: the CSV lands in the download folder.
        assertTrue(byId("upload-downloads").isDisplayed());
        byId("download-csv").click();
        Path csv = downloads.resolve("audiu-recommendations.csv");
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Files.exists(csv) && size(csv) > 0);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(String.join(",", UploadDownloads.CSV_COLUMNS), lines.get(0));
        assertEquals(21, lines.size(), "a header and 20 recommendations");

        // The phone layout: one column, nothing wider than the screen.
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        js("window.scrollTo(0, 0)");
        long overflow = ((Number) js("return document.documentElement.scrollWidth - window.innerWidth")).longValue();
        assertTrue(overflow <= 0, "the page is " + overflow + " px wider than a 390 px phone");
        screenshot("serve-upload-phone.png");
        js("document.getElementById('upload-charts').scrollIntoView()");
        screenshot("serve-upload-phone-charts.png");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1500));
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }
}
