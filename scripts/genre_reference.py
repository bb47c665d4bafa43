#!/usr/bin/env python3
"""scikit-learn's numbers on exactly the split audiU evaluated (run by hand, not in CI).

    ./audiu genres evaluate --data ../shared/data/spotify_tracks_114k.csv --model logistic --seeds 1 \
        --no-chart --write-split /tmp/split.csv
    python3 scripts/genre_reference.py /tmp/split.csv [--models hgb,rf] [--json]

The split file (written by `genres evaluate --write-split`) has one line per seed, fold and track: seed, fold,
side (train/test), track_id, group, label (the label the row trains with), labels (every true label, joined by
'|'), then the feature values audiU used (empty when missing). Each model trains on the train rows' `label` and is
scored as audiU scores (TrackLabels in audiu-core):
  - accuracy: the prediction is one of the track's labels;
  - top-5 accuracy: one of the track's labels is among the five most probable classes;
  - macro-F1: sklearn's f1_score(average="macro") with each track counted once, as the predicted label when it is
    one of its labels, else as its first label.
With one label per track these are the plain accuracy and macro-F1.

Needs scikit-learn and pandas (Debian: apt-get install python3-sklearn python3-pandas).
"""
import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.impute import SimpleImputer
from sklearn.metrics import f1_score
from sklearn.pipeline import make_pipeline

FIXED = ["seed", "fold", "side", "track_id", "group", "label", "labels"]


def models(seed):
    return {
        "hgb": lambda: HistGradientBoostingClassifier(random_state=seed),
        "rf": lambda: make_pipeline(SimpleImputer(strategy="median"),
                                    RandomForestClassifier(n_estimators=300, n_jobs=-1, random_state=seed)),
    }


def score(classes, proba, labels):
    order = np.argsort(-proba, axis=1, kind="stable")
    predicted = classes[order[:, 0]]
    top5 = classes[order[:, :5]]
    right = top = 0
    resolved = []
    for p, t5, truth in zip(predicted, top5, labels):
        right += p in truth
        top += any(t in truth for t in t5)
        resolved.append(p if p in truth else truth[0])
    n = len(labels)
    return {"accuracy": right / n, "top5Accuracy": top / n,
            "macroF1": f1_score(resolved, predicted, average="macro")}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", help="CSV written by ./audiu genres evaluate --write-split")
    ap.add_argument("--models", default="hgb,rf", help="comma-separated: hgb, rf (default: both)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()
    df = pd.read_csv(args.split, dtype={"labels": str, "label": str, "track_id": str, "group": str},
                     keep_default_na=False)
    features = [c for c in df.columns if c not in FIXED]
    df[features] = df[features].apply(pd.to_numeric, errors="coerce")
    results = []
    for (seed, fold), part in df.groupby(["seed", "fold"], sort=True):
        train = part[part.side == "train"]
        test = part[part.side == "test"]
        truth = [str(s).split("|") for s in test["labels"]]
        for name in args.models.split(","):
            model = models(int(seed))[name]()
            t0 = time.perf_counter()
            model.fit(train[features].to_numpy(dtype=float), train["label"].astype(str).to_numpy())
            seconds = time.perf_counter() - t0
            proba = model.predict_proba(test[features].to_numpy(dtype=float))
            r = score(np.asarray(model.classes_), proba, truth)
            r.update(model=name, seed=int(seed), fold=int(fold), trainRows=len(train), testRows=len(test),
                     trainSeconds=round(seconds, 1))
            results.append(r)
            print(f"{name} seed {seed} fold {fold}: accuracy {r['accuracy']:.4f}, top-5 {r['top5Accuracy']:.4f}, "
                  f"macro-F1 {r['macroF1']:.4f} ({len(train)} train / {len(test)} test rows, "
                  f"trained in {seconds:.1f} s)", file=sys.stderr)
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for name in args.models.split(","):
            rs = [r for r in results if r["model"] == name]
            print(f"{name}: accuracy {np.mean([r['accuracy'] for r in rs]):.4f}, "
                  f"top-5 {np.mean([r['top5Accuracy'] for r in rs]):.4f}, "
                  f"macro-F1 {np.mean([r['macroF1'] for r in rs]):.4f} over {len(rs)} run(s)")


if __name__ == "__main__":
    main()
