/*
 * favor.c -- the thresholds of selection that the favor option moves
 * (trafilatura's favor_precision and favor_recall): one row per mode, the
 * balanced row being tuning.h's values.  Each row is read by the article
 * mode's verdicts, by the region mode's chrome and link lines and the
 * records' template lines (region.c, records.c), and by the dispatcher's
 * last pass over the kept blocks (select.c), so every kind of page leans
 * the same way.
 */
#include "select/select.h"
#include "tuning.h"

static const wn__tune TUNE[WN_FAVOR_COUNT] = {
	[WN_FAVOR_BALANCED] =
		{
			.sibling_share = WN__SIBLING_SHARE,
			.prune_sum = WN__PRUNE_SUM,
			.max_link_share = WN__MAX_LINK_SHARE,
			.max_link_share_prose = WN__MAX_LINK_SHARE_PROSE,
			.drop_hint = WN__DROP_HINT,
			.weak_goodness = WN__WEAK_GOODNESS,
			.strong_goodness = WN__STRONG_GOODNESS,
			.kept_goodness = WN__KEPT_GOODNESS,
			.kept_link_share = WN__KEPT_LINK_SHARE,
			.link_lines = WN__LINK_LINES,
			.template_lines = WN__TEMPLATE_LINES,
		},
	[WN_FAVOR_PRECISION] =
		{
			.sibling_share = WN__P_SIBLING_SHARE,
			.prune_sum = WN__P_PRUNE_SUM,
			.max_link_share = WN__P_MAX_LINK_SHARE,
			.max_link_share_prose = WN__P_MAX_LINK_SHARE_PROSE,
			.drop_hint = WN__P_DROP_HINT,
			.weak_goodness = WN__P_WEAK_GOODNESS,
			.strong_goodness = WN__P_STRONG_GOODNESS,
			.kept_goodness = WN__P_KEPT_GOODNESS,
			.kept_link_share = WN__P_KEPT_LINK_SHARE,
			.link_lines = WN__LINK_LINES,
			.template_lines = WN__TEMPLATE_LINES,
		},
	[WN_FAVOR_RECALL] =
		{
			.sibling_share = WN__R_SIBLING_SHARE,
			.prune_sum = WN__R_PRUNE_SUM,
			.max_link_share = WN__R_MAX_LINK_SHARE,
			.max_link_share_prose = WN__R_MAX_LINK_SHARE_PROSE,
			.drop_hint = WN__R_DROP_HINT,
			.weak_goodness = WN__R_WEAK_GOODNESS,
			.strong_goodness = WN__R_STRONG_GOODNESS,
			.kept_goodness = WN__KEPT_GOODNESS,
			.kept_link_share = WN__KEPT_LINK_SHARE,
			.link_lines = WN__R_LINK_LINES,
			.template_lines = WN__R_TEMPLATE_LINES,
		},
};

const wn__tune *wn__sel_tune(const wn__doc *d)
{
	return &TUNE[d->opt->favor];
}
