#!/usr/bin/env bash
# waits for the prior-1 mw5 row of /work/runs-a to finish, then the pilot-prior rows on mw5 and funnel10 (cff31c7)
while pgrep -f "q/ffd3862-mw5-cmcd-lv" > /dev/null; do sleep 20; done
ROWS="mw5/cmcd/lv funnel10/cmcd/lv" ./chain2.sh
