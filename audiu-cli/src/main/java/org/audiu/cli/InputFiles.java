package org.audiu.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.audiu.core.AudiuException;
import org.audiu.core.DataException;

/** Checks of the paths given on the command line, so a folder or a missing file is named as what it is. */
final class InputFiles {
    private InputFiles() {
    }

    /**
     * The path when it is a readable file.
     *
     * @param option the option that named it ({@code --data}), for the message
     * @param hint   what to pass instead
     * @throws DataException for a folder ("is a folder") or a missing path ("not found")
     */
    static Path requireFile(Path path, String option, String hint) {
        if (Files.isDirectory(path)) {
            throw new DataException(option + " " + path.toAbsolutePath() + " is a folder, not a file. " + hint);
        }
        if (!Files.isRegularFile(path)) {
            throw new DataException(option + " " + path.toAbsolutePath() + ": file not found. " + hint);
        }
        return path;
    }

    /**
     * Creates the folders above a file about to be written ({@code --out models/genres.model}).
     *
     * @throws AudiuException when the path is a folder or its parent cannot be created
     */
    static Path prepareOutput(Path out, String option) {
        if (Files.isDirectory(out)) {
            throw new DataException(option + " " + out.toAbsolutePath() + " is a folder; give a file name inside it, "
                    + "such as " + out.resolve("genres.model") + ".");
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new AudiuException("Could not create the folder " + parent + " for " + option + " " + out + ": "
                        + e.getMessage(), e);
            }
        }
        return out;
    }
}
