"""The pandas script an analyst might write instead of `junheng budget`: the same file, the same
arithmetic (opinion 5.1, central region, rates in force on 2025-09-01, integer fen), JSON out.

    python3 bench/pandas_budget.py bench/out/schools.csv > out.json

bench/run.mjs runs it when `import pandas` works (Debian: apt-get install python3-pandas) and checks
that its total equals the library's.
"""
import sys

import numpy as np
import pandas as pd

RATE_PRIMARY, RATE_JUNIOR, RATE_BOARDING, RATE_SPECIAL = 60000, 80000, 20000, 700000

df = pd.read_csv(sys.argv[1], dtype={"id": str, "location": str, "kind": str}, keep_default_na=False, na_values={c: [""] for c in ["primary", "junior", "boarders_primary", "boarders_junior", "disabled"]})
counts = ["primary", "junior", "boarders_primary", "boarders_junior", "disabled"]
df[counts] = df[counts].fillna(0).astype(np.int64)
kind = df["kind"].replace("", "school")
p, j, d = df["primary"].to_numpy(), df["junior"].to_numpy(), df["disabled"].to_numpy()
pupils = p + j
special = (kind == "special-education").to_numpy()
rural = (df["location"] == "rural").to_numpy()
point = (kind == "teaching-point").to_numpy()
mixed = (p > 0) & (j > 0)
numerator = p * RATE_PRIMARY + j * RATE_JUNIOR
safe = np.where(pupils == 0, 1, pupils)


def half_up(count, num, den):
    return (2 * count * num + den) // (2 * den)


national = ~special & (rural | point) & (pupils < 100)
district = ~special & rural & (pupils > 100) & (pupils < 200)
funded_as = np.where(national, 100, np.where(district, 200, pupils))
added = funded_as - pupils
weighted_count = np.where(mixed, added, 0)
weighted_fen = np.where(mixed, half_up(added, numerator, safe), 0)
floor_fen = np.where(mixed, weighted_fen, added * np.where(j == 0, RATE_PRIMARY, RATE_JUNIOR))
withdrawn = np.where(mixed, half_up(weighted_count - d, numerator, safe) - weighted_fen, -d * np.where(j > 0, RATE_JUNIOR, RATE_PRIMARY))
mainstream = numerator + floor_fen + np.where(d > 0, withdrawn + d * RATE_SPECIAL, 0)
fen = np.where(special, pupils * RATE_SPECIAL, mainstream) + (df["boarders_primary"] + df["boarders_junior"]).to_numpy() * RATE_BOARDING

out = pd.DataFrame({
    "id": df["id"],
    "fundedPupils": np.where(special, pupils, funded_as),
    "floorApplied": np.where(national, "national-under-100", np.where(district, "district-100-to-200", None)),
    "amount": (fen // 100).astype(str) + np.where(fen % 100 == 0, "", "." + pd.Series(fen % 100).astype(str).str.zfill(2).str.rstrip("0")),
})
total = int(fen.sum())
sys.stdout.write('{"total":"%s","schools":%s}\n' % (f"{total // 100}" + ("" if total % 100 == 0 else f".{total % 100:02d}".rstrip("0")), out.to_json(orient="records")))
