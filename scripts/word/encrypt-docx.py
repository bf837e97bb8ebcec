"""Save a DOCX encrypted with a password, through LibreOffice (UNO), for the
encrypted-file fixture: `python3 encrypt-docx.py IN.docx OUT.docx PASSWORD`.
LibreOffice writes Office's agile encryption: an OLE compound file holding
`EncryptionInfo` and `EncryptedPackage`, as Word does."""
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main(src, dst, password):
    profile = tempfile.mkdtemp(prefix='sohoa-lo-')
    office = subprocess.Popen([
        'soffice', '--headless', '--norestore', f'-env:UserInstallation=file://{profile}',
        '--accept=pipe,name=sohoa_encrypt;urp;'])
    try:
        resolver = uno.getComponentContext().ServiceManager.createInstanceWithContext(
            'com.sun.star.bridge.UnoUrlResolver', uno.getComponentContext())
        for _ in range(100):
            try:
                context = resolver.resolve('uno:pipe,name=sohoa_encrypt;urp;StarOffice.ComponentContext')
                break
            except Exception:
                time.sleep(0.3)
        desktop = context.ServiceManager.createInstanceWithContext('com.sun.star.frame.Desktop', context)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.abspath(src)), '_blank', 0, (prop('Hidden', True),))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.abspath(dst)), (prop('FilterName', sys.argv[4] if len(sys.argv) > 4 else 'MS Word 2007 XML'), prop('Password', password)))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
    finally:
        office.wait(timeout=30) if office.poll() is None else None


if __name__ == '__main__':
    main(*sys.argv[1:4])
