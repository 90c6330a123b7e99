"""WordprocessingML and OPC names shared by the .docx reader and writer."""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#: Clark-notation prefix of the main namespace: W + "p" is "{…/main}p".
W = "{" + W_NS + "}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
REL = "{" + REL_NS + "}"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
CT = "{" + CT_NS + "}"
