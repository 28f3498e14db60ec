"""List attribution errors on a corpus file: missed and false cues, source and content boundaries,
wrong source type or anonymity, each with its sentence. Use on corpus/train.jsonl (error analysis only).

    PYTHONPATH=src python bench/attribution_errors.py corpus/train.jsonl [cue,source,content,type,anon]
"""
import json, sys
sys.path.insert(0, "src")
import conflictnlp
from conflictnlp.export import to_dict
from conflictnlp.corpus.evaluate import match_overlap

def sent_of(text, s, e):
    a = max(text.rfind("\n", 0, s), text.rfind(". ", 0, s)+1)
    b = text.find("\n", e); b = len(text) if b < 0 else b
    return text[a:b].strip()[:300]

nlp = conflictnlp.load(components=["conflict_attribution"])
what = set(sys.argv[2].split(",")) if len(sys.argv) > 2 else {"cue","source","content","type","anon"}
recs = [json.loads(l) for l in open(sys.argv[1])]
for r in recs:
    text = r["text"]; doc = nlp(text); p = to_dict(doc)["attributions"]; g = r.get("attributions") or []
    off = lambda a: (a["cue"]["start"], a["cue"]["end"])
    pairs = match_overlap([off(a) for a in g], [off(a) for a in p])
    mg = {i for i,_ in pairs}; mp = {j for _,j in pairs}
    T = lambda sp: sp["text"] if sp else None
    for i,a in enumerate(g):
        if i not in mg and "cue" in what:
            print(f"MISS  [{a['cue']['text']}] src={T(a['source'])!r} | {sent_of(text,a['cue']['start'],a['cue']['end'])}")
    for j,a in enumerate(p):
        if j not in mp and "cue" in what:
            print(f"FP    [{a['cue']['text']}] src={T(a['source'])!r} cont={T(a['content'])!r} | {sent_of(text,a['cue']['start'],a['cue']['end'])}")
    for i,j in pairs:
        ga, pa = g[i], p[j]
        if "source" in what and T(ga["source"]) != T(pa["source"]) or (ga["source"] and pa["source"] and ga["source"]["start"]!=pa["source"]["start"]):
            if "source" in what: print(f"SRC   [{ga['cue']['text']}] gold={T(ga['source'])!r} pred={T(pa['source'])!r}")
        if "content" in what and (ga["content"] and pa["content"] and (ga["content"]["start"],ga["content"]["end"]) != (pa["content"]["start"],pa["content"]["end"]) or bool(ga["content"])!=bool(pa["content"])):
            print(f"CONT  [{ga['cue']['text']}] src={T(ga['source'])!r}\n   gold={T(ga['content'])!r}\n   pred={T(pa['content'])!r}")
        if "type" in what and ga["source_type"] != pa["source_type"]:
            print(f"TYPE  gold={ga['source_type']} pred={pa['source_type']} src={T(ga['source'])!r} predsrc={T(pa['source'])!r} cue={ga['cue']['text']}")
        if "anon" in what and ga["anonymous"] != pa["anonymous"]:
            print(f"ANON  gold={ga['anonymous']} pred={pa['anonymous']} src={T(ga['source'])!r} predsrc={T(pa['source'])!r} cue={ga['cue']['text']}")
