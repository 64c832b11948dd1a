// Copies the front-end assets the portal serves out of node_modules into build/
// (git-ignored), where Django's collectstatic picks them up. Nothing from
// node_modules is committed to the repository.
import { cpSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const ecl = join(root, "node_modules/@ecl/preset-eu/dist");
const out = join(root, "build");

const copies = [
  [join(ecl, "styles/ecl-eu.css"), "ecl/ecl-eu.css"],
  [join(ecl, "styles/ecl-eu.css.map"), "ecl/ecl-eu.css.map"],
  [join(ecl, "styles/optional/ecl-eu-utilities.css"), "ecl/ecl-eu-utilities.css"],
  [join(ecl, "styles/optional/ecl-eu-utilities.css.map"), "ecl/ecl-eu-utilities.css.map"],
  [join(ecl, "styles/optional/ecl-reset.css"), "ecl/ecl-reset.css"],
  [join(ecl, "scripts/ecl-eu.js"), "ecl/ecl-eu.js"],
  [join(ecl, "images/icons/sprites/icons.svg"), "ecl/images/icons.svg"],
  [join(ecl, "images/logo/standard-version/positive"), "ecl/images/logo/positive"],
  [join(ecl, "images/logo/condensed-version/positive"), "ecl/images/logo/condensed"],
  [join(root, "node_modules/world-atlas/countries-50m.json"), "geo/countries-50m.json"],
];

rmSync(out, { recursive: true, force: true });
for (const [from, to] of copies) {
  const target = join(out, to);
  mkdirSync(dirname(target), { recursive: true });
  cpSync(from, target, { recursive: true });
}
console.log(`front-end assets copied to ${out}`);
