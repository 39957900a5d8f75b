# Sourced by ./test.sh: Debian's chromium for the web console's browser tests (tests/Personnel.Web.Tests), which Playwright
# drives through its executable path (/usr/bin/chromium) since Playwright's own browser download cannot work here; and a
# small CJK font, so the console's Chinese labels render in the screenshots instead of empty boxes.
apt_install chromium fonts-wqy-microhei
if [ ! -x /usr/bin/chromium ]; then
    echo "40-chromium.sh: /usr/bin/chromium is missing after installing chromium" >&2
    return 1
fi
echo "   $(/usr/bin/chromium --version 2>/dev/null | head -n 1)"
