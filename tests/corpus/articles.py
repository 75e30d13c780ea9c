"""The article texts of the HTML extraction corpus: what a reader of each saved page calls the article.

`make_pages.py` wraps each article in the clutter of a different kind of site and saves the pages beside this
file; `test_html_articles.py` measures how much of each article the extractor keeps and how much clutter it drops.
"""

from __future__ import annotations

ARTICLES: dict[str, tuple[str, list[str]]] = {
    "gulf-chips": ("Gulf buyers and the chip rule", [
        "Governments in the Gulf are racing to secure advanced processors before new export rules take effect in "
        "the spring, according to officials and industry executives interviewed this week.",
        "The rule, published in draft form in January, would cap the number of high-end accelerators that can be "
        "shipped to a single country without a licence at roughly 50,000 units a year.",
        "What the buyers want",
        "Two sovereign funds have placed orders worth a combined $4.2 billion, one executive said, though neither "
        "fund would confirm the figure when asked.",
        "\u201cWe are not stockpiling, we are planning,\u201d said a senior adviser to one of the funds, who asked "
        "not to be named because the talks are private.",
        "Analysts expect the final rule to be softened for close partners, but say about two-thirds of pending "
        "orders could still need a licence.",
    ]),
    "drone-budget": ("Drone budget doubles in draft plan", [
        "The defence ministry's draft plan for next year doubles spending on uncrewed aircraft, to 1.8 trillion "
        "won, and sets up a separate office to buy them.",
        "Officials said the office would report directly to the minister and would be able to sign contracts of "
        "up to 30 billion won without a tender.",
        "Critics in parliament said the plan gave no detail on how the aircraft would be tested before they were "
        "bought in numbers.",
        "The plan still needs the approval of the finance ministry, which has asked every department to cut "
        "discretionary spending by 5 percent.",
    ]),
    "port-strike": ("Port strike enters second week", [
        "Dock workers at the country's two largest container ports stayed off the job for an eighth day on "
        "Tuesday, leaving more than 60 ships waiting at anchor.",
        "The union says its members have not had a real pay rise since 2019 and wants automation at the new "
        "terminal to be negotiated rather than imposed.",
        "Employers have offered 4 percent this year and 3 percent next, which the union called an insult.",
        "Shipping lines have begun to divert cargo to smaller ports along the coast, where officials warned that "
        "storage yards would fill within days.",
        "Talks are due to resume on Thursday under a government mediator.",
    ]),
    "grain-corridor": ("Grain corridor reopens after three-week pause", [
        "The first bulk carrier in three weeks left the southern port on Monday morning, carrying 42,000 tonnes "
        "of wheat bound for North Africa.",
        "Insurers had refused to cover ships using the corridor after a strike damaged a berth last month.",
        "A new state-backed insurance pool now covers hull and cargo for up to $50 million a voyage.",
        "Traders said freight rates remained about a quarter higher than before the pause.",
        "Why it matters",
        "The corridor carried nine-tenths of the country's grain exports last season, and the harvest now coming "
        "in is expected to be the largest in five years.",
    ]),
    "clinic-data": ("Clinics told to report outbreaks within a day", [
        "Health authorities have ordered private clinics to report suspected cases of measles within 24 hours, "
        "after an outbreak in the capital went unrecorded for almost a month.",
        "Only half of the clinics in the city currently send data to the national surveillance system, the "
        "ministry said.",
        "The new rule applies from the first of next month and carries fines for clinics that miss the deadline.",
        "Doctors' groups welcomed the change but said the reporting software was slow and often offline.",
    ]),
    "satellite-launch": ("Second try puts observation satellite in orbit", [
        "A rocket carrying the country's first home-built observation satellite reached orbit on Saturday, four "
        "months after a first attempt ended in the sea.",
        "The space agency said the satellite had sent its first signals and that its solar panels had deployed "
        "as planned.",
        "Engineers traced the earlier failure to a faulty valve in the second stage, which was redesigned.",
        "The satellite is meant to photograph the ground at a resolution of about one metre, officials said.",
        "Outside experts said three in four first launches of a new rocket family fail, so a success on the "
        "second try was a good result.",
    ]),
    "water-tariff": ("City raises water tariff for heavy users", [
        "The city council voted on Wednesday to raise the price of water for households that use more than 20 "
        "cubic metres a month.",
        "The increase, of 35 percent on the top band, is meant to pay for repairs to a network that loses about "
        "a third of the water it carries.",
        "Households below the threshold will see no change, the council said.",
        "Business groups said the new rates would hit laundries and small food producers hardest.",
    ]),
    "election-count": ("Count delayed in three districts", [
        "Results from three districts were delayed on Sunday after election officials ordered a recount of "
        "ballots from 112 polling stations.",
        "Observers from the regional monitoring mission said the vote had been orderly but that the tally sheets "
        "in some stations did not match the number of voters recorded.",
        "The electoral commission said it expected to publish final figures by Wednesday.",
        "Turnout nationally was 61.4 percent, slightly higher than at the last election.",
    ]),
    "rail-link": ("Cross-border rail link wins funding", [
        "A development bank has agreed to lend $1.1 billion for a rail line linking the inland capital to the "
        "coast, the finance ministry said on Friday.",
        "The line would cut the journey for freight from three days by road to about 14 hours.",
        "Construction is due to start next year and take five years, with the first section opening in 2029.",
        "Residents along the route have protested over compensation for land, and a court case is pending.",
        "Engineering challenges",
        "The route crosses two mountain ranges and will need 23 tunnels, the longest of them almost 9 kilometres.",
    ]),
    "fishing-quota": ("Fishing quotas cut by a fifth", [
        "Fisheries ministers agreed early on Tuesday to cut next year's catch limits for cod and haddock by 20 "
        "percent, after scientists warned that stocks were near collapse.",
        "Fishing communities said the cut would cost hundreds of jobs, and asked for compensation.",
        "Scientists had recommended a cut of between 30 and 40 percent.",
        "The agreement also extends a ban on bottom trawling in two spawning grounds.",
    ]),
    "cyber-advisory": ("Agency warns of attacks on routers", [
        "The national cyber security agency has warned that a hacking group is breaking into home and office "
        "routers and using them to hide attacks on government networks.",
        "The group exploits a flaw in older firmware that the manufacturer fixed last year, the agency said in an "
        "advisory published on Thursday.",
        "Owners should install the latest firmware, change the default administrator password and turn off "
        "remote management.",
        "The agency said it had notified about 3,000 owners of affected devices directly.",
    ]),
}
