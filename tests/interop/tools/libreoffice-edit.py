"""Edits a workbook in LibreOffice Calc as a person would, through LibreOffice's own UNO API, and saves it.

Usage: libreoffice-edit.py PROFILE_DIR IN.xlsx OUT.xlsx ACTION SHEET ROW [PASSWORD]
  ACTION delete-row | insert-row: delete or insert the (1-based) ROW of SHEET, then save as Excel 2007-365.
  PASSWORD unprotects the sheet first, as a person who knows it would (and protects it again).
Starts a private headless soffice on a named pipe (no network), and stops it afterwards.
Needs Debian's python3-uno (run with /usr/bin/python3).
"""
import os, subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue

profile, source, target, action, sheet_name, row = sys.argv[1:7]
password = sys.argv[7] if len(sys.argv) > 7 else None
row = int(row)
pipe = f"timbang-{os.getpid()}"
office = subprocess.Popen([
    "soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible", "--norestore",
    f"--accept=pipe,name={pipe};urp;",
])
def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p
try:
    resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", uno.getComponentContext())
    for _ in range(240):
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            time.sleep(0.5)
    else:
        raise SystemExit("LibreOffice did not start")
    desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
    sheet = doc.Sheets.getByName(sheet_name)
    if sheet.isProtected() and password is not None:
        sheet.unprotect(password)
    rows = sheet.getRows()
    if action == "delete-row":
        rows.removeByIndex(row - 1, 1)
    elif action == "insert-row":
        rows.insertByIndex(row - 1, 1)
    else:
        raise SystemExit(f"unknown action {action}")
    if password is not None:
        sheet.protect(password)
    doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(target)), (prop("FilterName", "Calc MS Excel 2007 XML"),))
    doc.close(True)
finally:
    try:
        desktop.terminate()
    except Exception:
        pass
    try:
        office.wait(timeout=30)
    except Exception:
        office.kill()
