"""Item texts exactly as the shared sample working document has them."""

P1_TITLE = (
    "Expand affordable, meaningful access to telecommunication/ICT services in rural and "
    "remote communities."
)
P1_D = "[Improved affordability of devices through [reduced import duties/targeted subsidies]]"
P2_3 = (
    "[Products and services on digital skills for [the digital economy/digital transformation "
    "of society], including train-the-trainer programmes"
)
P3_C = (
    "[Established a regional connectivity fund administered by the secretariat\nOR\n"
    "Alternative P.3-c: Strengthened coordination of existing connectivity funds in the region]"
)
P3_3 = "[Annual report on connectivity financing in the region]"
