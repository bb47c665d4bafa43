package org.audiu.spotify.fake;

import java.util.ArrayList;
import java.util.List;

/** A playlist created through {@code POST /v1/me/playlists}, with the URIs added to it in order. */
public final class CreatedPlaylist {
    private final String id;
    private final String name;
    private final String description;
    private final boolean isPublic;
    private final List<String> uris = new ArrayList<>();

    CreatedPlaylist(String id, String name, String description, boolean isPublic) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.isPublic = isPublic;
    }

    public String id() { return id; }
    public String name() { return name; }
    public String description() { return description; }
    public boolean isPublic() { return isPublic; }

    public synchronized List<String> uris() {
        return List.copyOf(uris);
    }

    synchronized void add(List<String> more) {
        uris.addAll(more);
    }

    synchronized void replace(List<String> all) {
        uris.clear();
        uris.addAll(all);
    }

    synchronized int size() {
        return uris.size();
    }
}
