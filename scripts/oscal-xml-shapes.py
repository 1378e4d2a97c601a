#!/usr/bin/env python3
"""Writes crates/oscal/src/xml/shapes.txt: how each OSCAL XML element maps to its JSON form.

Reads the OSCAL metaschema modules (src/metaschema/*.xml of the OSCAL repository) from the
folder given as the first argument and prints the table on stdout. The table is what the
converter needs and nothing else: for each definition its flags (XML attributes) with their
types, its children in XML order with the element name, JSON key and grouping, and for fields
their value type and the JSON key of their value.

Usage: scripts/oscal-xml-shapes.py OSCAL/src/metaschema > crates/oscal/src/xml/shapes.txt
"""
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

NS = "{http://csrc.nist.gov/ns/oscal/metaschema/1.0}"
# The seven models shinrai reads; the mapping model (1.2) defines names of its own that clash.
MODEL_MODULES = [
    "oscal_catalog_metaschema.xml",
    "oscal_profile_metaschema.xml",
    "oscal_component_metaschema.xml",
    "oscal_ssp_metaschema.xml",
    "oscal_assessment-plan_metaschema.xml",
    "oscal_assessment-results_metaschema.xml",
    "oscal_poam_metaschema.xml",
]


def load(path):
    text = path.read_text(encoding="utf-8")
    # The modules pull allowed values from external entities; constraints are not needed here.
    text = re.sub(r"<!DOCTYPE[^\[>]*(\[.*?\])?\s*>", "", text, flags=re.S)
    text = re.sub(r"&[A-Za-z][\w.-]*;", "", text)
    return ET.fromstring(text)


class Registry:
    """Every module's top-level definitions. A reference is looked up in its own module first,
    then through the modules it imports, as the metaschema scopes names (catalog and profile,
    say, each define their own `group`)."""

    def __init__(self, folder):
        self.folder = Path(folder)
        self.modules = {}       # file name -> root element
        self.imports = {}       # file name -> [file names]
        self.defined = {}       # (module, kind, name) -> element
        self.names = {}         # (kind, name) -> how many modules define it
        for module in MODEL_MODULES:
            self.read(module)

    def read(self, name):
        if name in self.modules:
            return
        root = load(self.folder / name)
        self.modules[name] = root
        self.imports[name] = [i.get("href") for i in root.findall(NS + "import")]
        for child in root:
            tag = child.tag.replace(NS, "")
            if tag in ("define-assembly", "define-field", "define-flag"):
                kind = tag.replace("define-", "")
                self.defined[(name, kind, child.get("name"))] = child
                self.names[(kind, child.get("name"))] = self.names.get((kind, child.get("name")), 0) + 1
        for href in self.imports[name]:
            self.read(href)

    def find(self, module, kind, name):
        seen, queue = set(), [module]
        while queue:
            current = queue.pop(0)
            if current in seen:
                continue
            seen.add(current)
            if (current, kind, name) in self.defined:
                return current, self.defined[(current, kind, name)]
            queue.extend(self.imports[current])
        sys.exit(f"{module}: no definition of {kind} {name}")

    def top_key(self, module, kind, name):
        if self.names[(kind, name)] == 1:
            return name
        return f"{module.split('_')[1]}:{name}"


def text_of(element, tag):
    found = element.find(NS + tag)
    return found.text.strip() if found is not None and found.text else None


class Writer:
    def __init__(self, registry):
        self.registry = registry
        self.keys = {}          # id(element) -> key
        self.out = []
        self.pending = []       # (key, module, element, kind)
        self.local_counter = {}

    def key_for(self, module, element, kind, parent_key=None):
        ident = id(element)
        if ident not in self.keys:
            name = element.get("name")
            if parent_key is None:
                key = self.registry.top_key(module, kind, name)
            else:
                key = f"{parent_key}/{name}"
            self.keys[ident] = key
            self.pending.append((key, module, element, kind))
        return self.keys[ident]

    def flag_line(self, module, flag):
        # A reference may rename the flag it uses; otherwise the definition's name holds.
        use = text_of(flag, "use-name")
        if flag.tag == NS + "flag":
            module, flag = self.registry.find(module, "flag", flag.get("ref"))
        name = use or text_of(flag, "use-name") or flag.get("name")
        return f"  flag {name} {flag.get('as-type') or 'string'}"

    def flags(self, module, element):
        return [self.flag_line(module, f) for f in element
                if f.tag in (NS + "flag", NS + "define-flag")]

    def children(self, module, model, parent_key, lines):
        for child in model:
            tag = child.tag.replace(NS, "")
            if tag == "choice":
                self.children(module, child, parent_key, lines)
                continue
            if tag not in ("assembly", "field", "define-assembly", "define-field"):
                continue
            kind = tag.replace("define-", "")
            if tag.startswith("define-"):
                def_module, definition = module, child
            else:
                def_module, definition = self.registry.find(module, kind, child.get("ref"))
            if kind == "field" and not self.flags(def_module, definition):
                # A field without flags is its value alone: name its type, not a definition.
                key = "=" + (definition.get("as-type") or "string")
            elif tag.startswith("define-"):
                key = self.key_for(module, child, kind, parent_key)
            else:
                key = self.key_for(def_module, definition, kind)
            use = text_of(child, "use-name") or text_of(definition, "use-name") or definition.get("name")
            group = child.find(NS + "group-as")
            group_name = group.get("name") if group is not None else "-"
            grouped = "grouped" if group is not None and group.get("in-xml") == "GROUPED" else "-"
            in_json = group.get("in-json", "ARRAY") if group is not None else "-"
            if in_json not in ("ARRAY", "-"):
                sys.exit(f"{parent_key}/{use}: in-json {in_json} is not supported")
            many = child.get("max-occurs", "1") != "1"
            if many and group is None:
                sys.exit(f"{parent_key}/{use}: repeats without group-as")
            wrapped = "unwrapped" if child.get("in-xml") == "UNWRAPPED" else "-"
            json_key = group_name if group is not None else use
            lines.append(f"  {kind} {use} {json_key} {key} {'many' if many else 'one'} {grouped} {wrapped}")

    def definition(self, key, module, element, kind):
        lines = []
        if kind == "assembly":
            lines.append(f"assembly {key}")
            lines.extend(self.flags(module, element))
            model = element.find(NS + "model")
            if model is not None:
                self.children(module, model, key, lines)
        else:
            as_type = element.get("as-type") or "string"
            value_key = text_of(element, "json-value-key") or "-"
            flags = self.flags(module, element)
            if flags and value_key == "-":
                value_key = {"markup-line": "RICHTEXT", "markup-multiline": "PROSE"}.get(as_type, "STRVALUE")
            lines.append(f"field {key} {as_type} {value_key}")
            lines.extend(flags)
        return lines

    def run(self):
        roots = []
        for (module, kind, name), element in sorted(self.registry.defined.items()):
            root_name = text_of(element, "root-name")
            if kind == "assembly" and root_name:
                roots.append(f"root {root_name} {self.key_for(module, element, kind)}")
        blocks = []
        while self.pending:
            key, module, element, kind = self.pending.pop(0)
            blocks.append(self.definition(key, module, element, kind))
        print("# How OSCAL XML maps to its JSON form, one block per definition of OSCAL's metaschema")
        print("# (generated by scripts/oscal-xml-shapes.py; see that script for the columns).")
        print("# child lines: kind, XML element name, JSON key, definition (=TYPE for a field that is its")
        print("# value alone), one|many, grouped (in an")
        print("# XML wrapper named by the JSON key) or -, unwrapped (prose straight in the parent) or -.")
        for line in roots:
            print(line)
        for block in sorted(blocks, key=lambda b: b[0]):
            print("\n".join(block))


if __name__ == "__main__":
    Writer(Registry(sys.argv[1])).run()
