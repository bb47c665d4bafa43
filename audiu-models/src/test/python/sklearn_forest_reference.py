#!/usr/bin/env python3
"""scikit-learn's side of the forest-training comparison (issue 3).

Times RandomForestClassifier(n_estimators=100) on the first 40,000 tracks of music_genre.csv with the same 12
standard audio features that ForestTrainingBenchmark (JMH, audiu-models/src/test/java/.../bench) gives audiU's
random-forest: key as pitch class, mode as 1/0, '?' tempos and -1 durations as missing (median-imputed: this
scikit-learn version's forests reject NaN). All cores (n_jobs=-1), one warm-up fit, then five timed fits.

    /usr/bin/python3 audiu-models/src/test/python/sklearn_forest_reference.py [../shared/data/music_genre.csv]

Needs Debian's python3-sklearn and python3-pandas (apt-get install python3-sklearn python3-pandas).
"""
import json
import statistics
import sys
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.ensemble import RandomForestClassifier

FEATURES = ["danceability", "energy", "key", "loudness", "mode", "speechiness", "acousticness",
            "instrumentalness", "liveness", "valence", "tempo", "duration_ms"]
PITCHES = {"C": 0, "C#": 1, "D": 2, "D#": 3, "E": 4, "F": 5, "F#": 6, "G": 7, "G#": 8, "A": 9, "A#": 10, "B": 11}


def load(path, rows=40_000):
    frame = pd.read_csv(path).dropna(how="all").head(rows)
    x = pd.DataFrame({
        "key": frame["key"].map(PITCHES),
        "mode": (frame["mode"] == "Major").astype(float),
        "tempo": pd.to_numeric(frame["tempo"], errors="coerce"),
        "duration_ms": frame["duration_ms"].where(frame["duration_ms"] >= 0),
    })
    for name in FEATURES:
        if name not in x:
            x[name] = frame[name].astype(float)
    x = x[FEATURES]
    x = x.fillna(x.median())
    return x.to_numpy(dtype=np.float32), frame["music_genre"].to_numpy()


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/music_genre.csv"
    x, y = load(path)
    seconds = []
    for run in range(6):
        forest = RandomForestClassifier(n_estimators=100, n_jobs=-1, random_state=42 + run)
        start = time.perf_counter()
        forest.fit(x, y)
        if run > 0:  # the first fit is the warm-up
            seconds.append(time.perf_counter() - start)
    print(json.dumps({"library": "scikit-learn " + sklearn.__version__, "rows": len(y), "features": x.shape[1],
                      "trees": 100, "seconds": [round(s, 3) for s in seconds],
                      "meanSeconds": round(statistics.mean(seconds), 3)}))


if __name__ == "__main__":
    main()
