import re, collections, sys
txt=open(sys.argv[1]).read()
events=txt.split('jdk.ExecutionSample')
top=collections.Counter(); incl=collections.Counter(); caller=collections.Counter()
n=0
for e in events:
    fr=re.findall(r'^\s+([\w\.\$<>]+)\(.*?line: (\d+)', e, re.M)
    if not fr: continue
    n+=1
    top[fr[0][0]]+=1
    # first girsanov frame
    g=[f for f,_ in fr if 'girsanov' in f]
    if g: caller[g[0]]+=1
    seen=set()
    for f,_ in fr:
        if f not in seen: incl[f]+=1; seen.add(f)
print(n)
for f,c in top.most_common(15): print("%5.1f%% %s"%(100*c/n,f))
print('--- first girsanov frame (self)')
for f,c in caller.most_common(30): print("%5.1f%% %s"%(100*c/n,f))
print('--- inclusive')
for f,c in incl.most_common(45):
    if 'girsanov' in f: print("%5.1f%% %s"%(100*c/n,f))
