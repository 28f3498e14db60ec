"""Three pages of war reporting written for the article view's tests and screenshots: a headline
set off by a blank line, paragraphs and single line breaks, apostrophes, hyphenated figures,
quotes, a double space, markup-like characters and accents."""

PAGES = {
    "border-column.txt": (
        "Border guards say 1,200-strong column seen near Tiraspol\n"
        "\n"
        "CHISINAU, March 3 — Transnistria's self-declared defence ministry said on Monday that around "
        "1,200 soldiers had moved to the eastern bank, according to the region's state broadcaster. "
        "Two Moldovan officials, who spoke on condition of anonymity, said at least 14 servicemen were "
        "probably wounded in shelling overnight.\n"
        "The figures could not be independently verified.\n"
        "\n"
        "\"We counted 37 armoured vehicles,\" a border guard commander told Reuters, adding that as many "
        "as 300 civilians had fled the villages of Dubău and Corjova."
    ),
    "garrison-raid.txt": (
        "Militants kill 23 in raid on northern garrison, army says\n"
        "\n"
        "The army's spokesman, Colonel Idrissa Kane, told reporters in the capital that 23 soldiers were "
        "killed and 41 others wounded when about 200 fighters attacked the base at dawn.  A local official "
        "put the toll higher, saying \"more than 30\" troops may have died.\n"
        "Residents said roughly 5,000 people have been displaced since January, a figure the UN refugee "
        "agency described as a conservative estimate."
    ),
    "port-strike.txt": (
        "Coastal battery strike: what we know\n"
        "\n"
        "Officials in Aden said 6 of the 11 drones were shot down & the rest fell into the sea.\n"
        "According to the coalition, 'up to 400' fighters <allegedly> massed near the port, though this "
        "has not been confirmed.\n"
        "Update 14:05 — the health ministry says 19 people were killed, including 4 children."
    ),
}
