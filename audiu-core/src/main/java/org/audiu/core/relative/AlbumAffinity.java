package org.audiu.core.relative;

import org.audiu.core.spi.listener.ListenerContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.audiu.core.Track;
import org.audiu.core.spi.listener.ListenerFeature;

/**
 * {@code album-affinity}: {@code album_share}, the share of the library's tracks from the track's album (an album is
 * its main artist plus its name, so two "Greatest Hits" stay apart); 0 when the album is unknown.
 */
public final class AlbumAffinity implements ListenerFeature {
    static final List<String> COLUMNS = List.of("album_share");

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public Optional<Fitted> fit(ListenerContext listener) {
        Map<String, Integer> counts = new HashMap<>();
        for (Track t : listener.liked()) {
            String key = albumKey(t);
            if (!key.isEmpty()) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return Optional.empty();
        }
        Set<String> own = listener.preferenceById().keySet();
        int n = listener.liked().size();
        return Optional.of((track, row, inLibrary, out, offset) -> {
            String key = albumKey(track);
            int self = inLibrary && own.contains(track.id()) ? 1 : 0;
            int c = key.isEmpty() ? 0 : counts.getOrDefault(key, 0) - self;
            out[offset] = c > 0 ? (double) c / (n - self) : 0;
        });
    }

    static String albumKey(Track t) {
        if (t.album().isBlank()) {
            return "";
        }
        return ListenerContext.normalise(t.mainArtist()) + '\u0000' + ListenerContext.normalise(t.album());
    }
}
