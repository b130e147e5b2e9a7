from booklet.sources.duplicates import find_duplicates

MILL = (
    "The water mill at Ashby was built in 1742 by the miller Thomas Reed, who leased the "
    "land from the parish for ninety-nine years. It ground wheat and barley for six villages "
    "until the great flood of 1852 carried away its wheel. The parish rebuilt it in stone two "
    "years later, with a cast-iron wheel brought by canal from Birmingham, and it worked on "
    "until 1931, when the last miller, Ellen Reed, sold the machinery for scrap. Today the "
    "building is a museum run by volunteers, who open it on summer Sundays and show visitors "
    "the millstones, the sluice and the account books kept by four generations of the family."
)
BRIDGE = (
    "The footbridge over the Wend was opened in 1907 to replace a ford that had drowned two "
    "carters in one winter. Its iron came from the foundry at Lowick, and the parish paid for "
    "it with a subscription that raised four hundred pounds in six months. Children crossed "
    "it to the new school on the hill, and farmers drove sheep over it on market days until "
    "the county built a road bridge downstream in 1962 and the old one was closed to animals."
)


def test_an_article_saved_twice_is_kept_once():
    syndicated = "Reprinted with permission. " + MILL.replace("Today", "Nowadays")
    (duplicate,) = find_duplicates([MILL, BRIDGE, syndicated])
    assert (duplicate.kept, duplicate.dropped) == (0, 2)
    assert duplicate.share > 0.8


def test_documents_on_the_same_topic_are_not_duplicates():
    other_mill = (
        "Ashby's mill stood on the Wend for nearly two centuries. Thomas Reed built it in 1742; "
        "a flood in 1852 destroyed the wheel, and the parish paid for a stone building and an "
        "iron wheel soon after. Milling stopped in 1931. Volunteers now keep the building as a "
        "museum, and visitors can see the millstones and the family's account books in summer."
    )
    assert find_duplicates([MILL, BRIDGE, other_mill]) == []


def test_a_short_document_is_not_judged():
    assert find_duplicates(["The mill.", "The mill."]) == []
