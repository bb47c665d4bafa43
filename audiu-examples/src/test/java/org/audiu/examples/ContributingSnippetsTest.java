package org.audiu.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CONTRIBUTING.md's plugin how-to shows the consumer project's files: every code block marked
 * {@code <!-- snippet: PATH -->} must be that file or a part of it, word for word, so the steps users copy are the
 * ones the build compiles and tests (audiu-examples/consumer, run by maven-invoker-plugin).
 */
class ContributingSnippetsTest {
    private static final Path REPOSITORY_ROOT = Path.of("..");
    private static final Pattern SNIPPET = Pattern.compile(
            "^( *)<!-- snippet: (\\S+) -->\\n\\1```[a-z]*\\n(.*?)\\n\\1```$", Pattern.MULTILINE | Pattern.DOTALL);

    /** A code block of the guide: the file it claims to come from and its text, indentation removed. */
    private record Snippet(String path, String text) {
    }

    private static List<Snippet> snippets() throws IOException {
        String guide = Files.readString(REPOSITORY_ROOT.resolve("CONTRIBUTING.md"), StandardCharsets.UTF_8);
        List<Snippet> out = new ArrayList<>();
        Matcher m = SNIPPET.matcher(guide);
        while (m.find()) {
            String indent = m.group(1);
            String text = m.group(3).lines().map(l -> l.startsWith(indent) ? l.substring(indent.length()) : l)
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            out.add(new Snippet(m.group(2), text));
        }
        return out;
    }

    @Test
    void everySnippetIsPartOfTheFileItNames() throws IOException {
        List<Snippet> snippets = snippets();
        assertTrue(snippets.size() >= 8, "expected the how-to's snippets, found " + snippets.size());
        for (Snippet s : snippets) {
            Path file = REPOSITORY_ROOT.resolve(s.path());
            assertTrue(Files.isRegularFile(file), "CONTRIBUTING.md names a missing file: " + s.path());
            String content = Files.readString(file, StandardCharsets.UTF_8);
            assertTrue(content.contains(s.text()), "CONTRIBUTING.md's snippet of " + s.path()
                    + " is not in that file any more; copy the file's current text into the guide:\n" + s.text());
        }
    }
}
