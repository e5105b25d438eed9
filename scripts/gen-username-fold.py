#!/usr/bin/env python3
# Generates the accent-folding table of ext/core/ss_username.c (ss_fold_*):
# every Latin letter of U+00C0..U+024F and U+1E00..U+1EFF mapped to lower-case
# ASCII (NFKD without combining marks, else the base letter named by Unicode,
# plus ss, th, ae, oe, ng...). Run: python3 scripts/gen-username-fold.py
import unicodedata, re
special = {'SHARP S':'ss','LONG S':'s','ETH':'d','THORN':'th','KRA':'k','ENG':'ng','EZH':'z','ESH':'s','WYNN':'w','YOGH':'gh','HWAIR':'hv','GLOTTAL STOP':'','DOTLESS I':'i','DOTLESS J':'j','TURNED':'','SCHWA':'e','UPSILON':'u','GAMMA':'g','IOTA':'i','EZH REVERSED':'z'}
out = {}
def fold(cp):
    ch = chr(cp)
    try: name = unicodedata.name(ch)
    except ValueError: return None
    d = unicodedata.normalize('NFKD', ch)
    base = ''.join(c for c in d if not unicodedata.combining(c))
    if base and all('a' <= c.lower() <= 'z' for c in base):
        return base.lower()
    m = re.match(r'LATIN (?:(SMALL|CAPITAL) )?(?:LIGATURE|LETTER) (.*)$', name)
    if not m: return None
    rest = m.group(2)
    for k, v in special.items():
        if rest == k or rest.startswith(k + ' WITH'):
            return v or None
    words = rest.split(' ')
    skip = {'SMALL','CAPITAL','TURNED','OPEN','REVERSED','SIDEWAYS','INSULAR','BROKEN','CLOSED','BARRED','DOTLESS','SCRIPT','TAILLESS','LONG','BOTTOM','HALF','AFRICAN','OLD','POLISH','INVERTED','STRETCHED','LATERAL','MIDDLE-WELSH','VOLAPUK','BLACKLETTER','ARCHAIC','EGYPTOLOGICAL'}
    i = 0
    while i < len(words) and words[i] in skip: i += 1
    if i < len(words) and re.fullmatch(r'[A-Z]{1,2}', words[i]):
        return words[i].lower()
    return None
ranges = [(0xC0,0x24F),(0x1E00,0x1EFF)]
for a,b in ranges:
    for cp in range(a,b+1):
        if cp in (0xD7, 0xF7): continue
        f = fold(cp)
        if f: out[cp] = f
for a,b in ranges:
    print(f"/* U+{a:04X}..U+{b:04X} */")
    line = []
    for cp in range(a,b+1):
        f = out.get(cp, '')
        line.append('"%s"' % f)
    for i in range(0, len(line), 12):
        print('\t' + ', '.join(line[i:i+12]) + ',')
import sys
missing=[hex(cp)+' '+unicodedata.name(chr(cp),'?') for a,b in ranges for cp in range(a,b+1) if cp not in out and cp not in (0xD7,0xF7)]
print(len(out), 'folded; missing', len(missing), file=sys.stderr)
for m in missing: print(m, file=sys.stderr)
for t in ['ß','æ','ø','ł','đ','þ','œ','ŀ','ŉ','ǆ','ĳ','ƀ','ǝ','ȸ','ẞ','ơ','ư','ỳ']: print(t, out.get(ord(t)), file=sys.stderr)
