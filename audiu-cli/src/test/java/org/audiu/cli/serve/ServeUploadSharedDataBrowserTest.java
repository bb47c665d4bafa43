package org.audiu.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.audiu.core.config.AudiuConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 25's "done when", checked in Chromium: the shipped {@code listening-history.properties} served over the
 * two-file catalogue, and {@code ../shared/data/history/account-data-music} zipped (into a temporary folder) and
 * uploaded through the page: the report, the six charts and 20 recommendations show. Opt-in, since it loads the
 * 113k-track catalogue (about a minute): {@code -Daudiu.upload.shared=true}; skips when the shared data, Chromium or
 * chromedriver is missing.
 */
class ServeUploadSharedDataBrowserTest {
    private static final Path CONFIG = Path.of("..", "audiu-examples", "config", "listening-history.properties");
    private static final Path SHARED = Path.of("..", "..", "shared", "data");

    @Test
    void theAccountDataExportUploadedInChromiumShowsTheReportSixChartsAnd20Recommendations(@TempDir Path dir)
            throws IOException {
        assumeTrue(Boolean.getBoolean("audiu.upload.shared"), "opt-in: -Daudiu.upload.shared=true");
        Path export = SHARED.resolve("history/account-data-music");
        assumeTrue(Files.isDirectory(export) && Files.exists(SHARED.resolve("spotify_tracks_114k.csv"))
                && Files.exists(SHARED.resolve("spotify_songs.csv")), "needs ../shared/data (" + SHARED.toAbsolutePath()
                + ") with history/account-data-music, spotify_songs.csv and spotify_tracks_114k.csv");
        File chromium = ServeBrowserTest.executable("audiu.chromium", "CHROME_BIN", "/usr/bin/chromium");
        File chromedriver = ServeBrowserTest.executable("audiu.chromedriver", "CHROMEDRIVER", "/usr/bin/chromedriver");
        assumeTrue(chromium.canExecute() && chromedriver.canExecute(), "needs Chromium and chromedriver");
        Path zip = dir.resolve("my_spotify_data.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip));
             Stream<Path> files = Files.list(export)) {
            for (Path f : files.sorted().toList()) {
                z.putNextEntry(new ZipEntry("MyData/" + f.getFileName()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("profile"), "--window-size=1280,1500");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        try (TestServer server = TestServer.start(AudiuConfig.load(CONFIG), ServeOptions.defaults(),
                UploadLimits.defaults(), 0)) {
            WebDriver driver = new ChromeDriver(service, options);
            try {
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(120));
                driver.get(server.url());
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("catalogue-info"), "tracks"));
                driver.findElement(By.id("upload-file")).sendKeys(zip.toAbsolutePath().toString());
                driver.findElement(By.id("upload")).click();
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#upload-results .card"), 20));
                String report = driver.findElement(By.id("upload-report")).getText();
                assertTrue(report.contains("22,754 of 6,562 songs"), report);
                assertTrue(report.contains("podcast episodes"), report);
                List<WebElement> charts = driver.findElements(By.cssSelector("#upload-charts img"));
                assertEquals(6, charts.size());
                for (WebElement c : charts) {
                    wait.until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return arguments[0].naturalWidth", c)).intValue() == TasteCharts.WIDTH);
                }
                assertTrue(driver.findElement(By.id("upload-downloads")).isDisplayed());
            } finally {
                driver.quit();
            }
        }
    }
}
