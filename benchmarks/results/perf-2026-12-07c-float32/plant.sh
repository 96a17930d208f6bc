#!/usr/bin/env bash
# plant one bug (python replace in file), run the test class in module, report, restore
cd /tmp/wtP
name="$1"; file="$2"; old="$3"; new="$4"; module="$5"; test="$6"
python3 - "$file" "$old" "$new" <<'PY'
import sys
p,o,n=sys.argv[1:4]
s=open(p).read()
assert o in s, "pattern not found: "+o
s=s.replace(o,n,1)
open(p,'w').write(s)
PY
if [ "$module" = samplers ]; then mvn -B -q -o install -DskipTests -Denforcer.skip -pl autodiff >/dev/null 2>&1; fi
mvn -B -q -o test -Denforcer.skip -pl $module -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false > /tmp/plant-$name.log 2>&1
rc=$?
git checkout -q -- "$file"
if [ "$module" = samplers ]; then mvn -B -q -o install -DskipTests -Denforcer.skip -pl autodiff >/dev/null 2>&1; fi
echo "$name: $([ $rc = 0 ] && echo 'GREEN (missed!)' || echo red) $(grep -h -o 'Tests run: [0-9]*, Failures: [0-9]*, Errors: [0-9]*' $module/target/surefire-reports/*.txt | head -1)"
