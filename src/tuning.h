/*
 * tuning.h -- every threshold and weight of winnow's extraction, in one
 * table, each with its reason.  Lengths are in "effective characters":
 * characters, with each CJK character counted WN__CJK_CHAR_WEIGHT times
 * because a CJK character carries about as much as a short Latin word.
 * Values were set by measuring on the development corpora (see README,
 * "How it decides"); change one only with before/after scores.
 */
#ifndef WINNOW_TUNING_H
#define WINNOW_TUNING_H

/* ---- class/id/role evidence (clean.c) ---- */
/* An element whose class/id says content ("article", "post-body").
 * Half of it for weaker words ("content", "main", "text"). */
#define WN__HINT_GOOD 25
/* An element whose class/id says boilerplate ("nav", "related", "share").
 * Stronger than GOOD: boilerplate names are more specific than "content". */
#define WN__HINT_BAD (-50)
/* A hint on an element holding more than this share of the page's text is
 * ignored: it names a layout wrapper ("main-wrapper sidebar-left"), not
 * the role of the text inside. */
#define WN__HINT_MAX_SHARE 0.75
/* An id of more than this many words ("example-1-amend-a-shared-change")
 * is an anchor generated from a heading and says nothing of the role. */
#define WN__HINT_MAX_ID_WORDS 3
/* An element named both ways ("post-comments", "main-nav") is what its
 * boilerplate word says: of its strongest good word, only this fraction
 * counts (an integer divisor). */
#define WN__HINT_GOOD_BESIDE_BAD 4
/* "widget" is a panel's name where a page gives it to a few elements (a
 * sidebar's widgets and their titles, a vendor's recommendation embed);
 * a page builder gives it to every block, dozens to hundreds of
 * elements, header, article and footer alike, and there it is the page's
 * word for a unit and says nothing.  From this many elements whose class
 * or id holds it, it does not count (wcxb-dev: the same gain at any
 * threshold from 15 to 40; readability's pages with such embeds have 4
 * and 11). */
#define WN__HINT_UNIT_NAMES 20
/* Summed hints are clamped, so that nesting cannot run away: good words
 * are common ("content" wraps everything), so they saturate sooner. */
#define WN__HINT_CLAMP_GOOD 25
#define WN__HINT_CLAMP_BAD (-100)
/* How much a hint of +-50 moves a block's goodness (range -1..1). */
#define WN__HINT_WEIGHT (1.0 / 50)
/* A collapsed panel beside its toggle is a disclosure widget's (an FAQ's
 * answer) when at least this many items of its item's shape stand side by
 * side; a lone hidden element with a toggle is a modal or a menu. */
#define WN__DISCLOSURE_ITEMS 2
/* How far the disclosure test looks (nodes into the panel and its toggle,
 * siblings of the item): an answer's text and its neighbours come first,
 * and the bound keeps the test cheap on pages whose every box carries a
 * utility class with "hidden" in it.  wcxb-dev scores the same at 16
 * and 64. */
#define WN__DISCLOSURE_SCAN 16
/* A class token hides an item outright when it is "hidden" or "hidden"
 * after a prefix of at most this many letters ("is-hidden", "u-hidden",
 * a framework's "tw-hidden"); a longer one says from whom it hides
 * ("visually-hidden": shown to screen readers, "no-js-hidden"), and a
 * suffix says on which screens ("hidden-mobile"): those are copies of
 * what shows elsewhere, not folded items of a list. */
#define WN__FOLD_STATE_PREFIX 2

/* ---- block goodness (score.c), a number in -1..1 ---- */
#define WN__CJK_CHAR_WEIGHT 3
/* Below SHORT effective characters a block is a label, a menu item or a
 * date; from LONG on, a full paragraph (jusText uses 70 and 200). */
#define WN__SHORT 25
#define WN__LONG 150
/* Goodness = BASE + LEN_W*length + PUNCT_W*punctuation - LINK_W*linkshare
 * + hints.  BASE is negative so that short unpunctuated text counts against
 * the container holding it. */
#define WN__G_BASE (-0.4)
#define WN__G_LEN_W 0.9
#define WN__G_PUNCT_W 0.35
#define WN__G_LINK_W 1.6
/* Running text has a comma or a sentence end every ~80 characters; a
 * block with that rate or more gets the whole PUNCT_W. */
#define WN__PUNCT_EVERY 80
/* Text whose words (outside scripts written without spaces) are longer
 * than this on average is no words: ids, hashes and codes run together,
 * such as the scrambled letters a shop hides a "Sponsored" label in.  Its
 * length is no evidence of running text.  German's compounds average
 * under 10; the longest words of a language's prose stay under it as a
 * mean of a block. */
#define WN__WORD_MAX 24
/* (select/product.c drops such blocks from a product page outright: the
 * custom fields and tracking ids a shop's template prints, "cat_thumb_Red:
 * https://cdn.../red_thumb.jpg".) */

/* Teasers (score.c is_teaser): a headline link of at least MIN_LINK
 * characters that covers LINK_SHARE of its block, followed by a summary of
 * at most MAX characters.  The penalty makes a list of them count against
 * its container however well written the summaries are. */
#define WN__TEASER_MIN_LINK 20
#define WN__TEASER_LINK_SHARE 0.8
#define WN__TEASER_MAX 400
#define WN__TEASER_PENALTY 0.8
/* Between a teaser's headline and its summary may stand one line of at
 * most this many characters (a date, a byline). */
#define WN__TEASER_MAX_BETWEEN 60

/* ---- selection (select.c) ---- */
/* Below this summed weight the best container is no clear article: the
 * page is a listing or home page and its densest text is given. */
#define WN__MIN_ARTICLE 250
/* A best subtree of one block, alone (no sibling joins it) and holding
 * under this share of the page's text, is no clear article: the intro
 * over a category's grid.  On wcxb-dev, 0.3 against none: 13 pages
 * change, +1.69; 0.2 gives 0.028 less, 0.45 0.184 less (and moves two
 * readability pages); the other corpora unchanged at 0.3. */
#define WN__LONE_BLOCK_SHARE 0.3
/* A best subtree with at least this many headings that link away (and
 * more of those than of others) is a listing of teasers, not an article. */
#define WN__LISTING_HEADLINES 3
/* ... as many as this share of all its headings or more ... */
#define WN__LISTING_LINKED_SHARE 0.5
/* ... and when at least this share of its text is teaser summaries. */
#define WN__LISTING_TEASER_SHARE 0.5
/* A container whose sum is within this share of the best is as good, and
 * the deeper one is taken (it holds less that is not article). */
#define WN__ROOT_TIE 0.02
/* An article that is a table or list climbs to its parent when the
 * parent's sum keeps this share of it: what the parent adds is about
 * neutral (an introduction, a caption, notes). */
#define WN__CLIMB_SHARE 0.8
/* A sibling of the article container joins it when its own sum is at
 * least this share of the article's (Readability.js appends siblings
 * scoring over a fifth of the top candidate). */
#define WN__SIBLING_SHARE 0.2
/* A sibling whose text is at least this share table cells and list items
 * (and few links) joins the article whatever its sum. */
#define WN__SIBLING_STRUCTURED 0.8
/* A sibling <p> of running text this long or longer, with links over at
 * most this share of it, joins the article (Readability.js: a paragraph
 * over 80 characters with a link density under 0.25). */
#define WN__SIBLING_PARA_CHARS 80
#define WN__SIBLING_PARA_LINKS 0.25
/* Inside the article, a subtree summing below this is boilerplate (a share
 * bar, a related-links list) and is dropped whole. */
#define WN__PRUNE_SUM (-40)
/* Inside the article, blocks whose links cover more than this share of
 * their text are navigation ("Read more", tag lists). */
#define WN__MAX_LINK_SHARE 0.5
/* ... and this share for a block of punctuated prose: PROSE_MIN_PUNCT or
 * more commas or sentence ends in PROSE_MIN_SHARE of a paragraph's length
 * (WN__LONG) or more. */
#define WN__MAX_LINK_SHARE_PROSE 0.7
#define WN__PROSE_MIN_PUNCT 2
#define WN__PROSE_MIN_SHARE 0.5
/* ... but a list item of this many words or more with a comma or a
 * sentence end is a point the article makes with its source linked, not
 * navigation, however much of it is link (select/common.c, the link limit).
 * wcxb-dev: 30 pages change, 24 up, net +0.22; readability +0.011 and
 * scrapinghub-dev +0.028 (3 and 2 pages).  4 and 6 words give the same. */
#define WN__LINKED_POINT_WORDS 5
/* Inside the article, blocks under an element hinting boilerplate at least
 * this strongly (relative to the article) are dropped unless they are long
 * running text; on a page read by its region, a part named so (relative
 * to its parent) is chrome unless it is running text or records. */
#define WN__DROP_HINT (-40)
/* Inside the article, a paragraph below this goodness (a label, a
 * "Posted by" line, a lone date) is dropped; headings, list items, cells,
 * quotes and code are not judged so. */
#define WN__WEAK_GOODNESS (-0.45)
/* On a page with no clear article, a paragraph must not be worse than
 * neutral: the densest text is given, not every label around it. */
#define WN__WEAK_GOODNESS_LISTING 0.0
/* Goodness of "long running text" that survives a bad hint. */
#define WN__STRONG_GOODNESS 0.6

/* After any mode, a kept paragraph below this goodness, or a kept block
 * (not a heading) whose links cover more than this share of it, is
 * dropped.  Balanced: never (each mode has judged its blocks). */
#define WN__KEPT_GOODNESS (-2.0)
#define WN__KEPT_LINK_SHARE 2.0
/* A page read by its region drops a line of short links outside its
 * records and data (region.c link_line), and a page of records the short
 * lines that most of its records repeat ("Read more", "Add to cart"). */
#define WN__LINK_LINES 1
#define WN__TEMPLATE_LINES 1

/* ---- precision and recall (the favor option, select/favor.c) ----
 * The thresholds above, moved one way (P, favor precision) or the other
 * (R, favor recall).  Measured on wcxb-dev against the balanced row
 * (README, "Precision and recall"): each row moves its figure by more
 * than 0.01 and costs the other less than twice that. */
/* Precision: siblings join the article only when twice as good as for
 * balance (siblings are where "more from" panels and bylines stand) ... */
#define WN__P_SIBLING_SHARE 0.4
#define WN__P_PRUNE_SUM WN__PRUNE_SUM
#define WN__P_MAX_LINK_SHARE WN__MAX_LINK_SHARE
#define WN__P_MAX_LINK_SHARE_PROSE WN__MAX_LINK_SHARE_PROSE
#define WN__P_DROP_HINT WN__DROP_HINT
#define WN__P_WEAK_GOODNESS WN__WEAK_GOODNESS
#define WN__P_STRONG_GOODNESS WN__STRONG_GOODNESS
/* ... and, whatever the mode, a kept paragraph below this goodness (a
 * label, a date, a call to action) and a kept block more than this share
 * links go.  Stricter values cost recall more than twice what they gain
 * (-0.1 on every kind of page: precision +0.015, recall -0.037; -0.2, once
 * the non-article modes had raised the default's recall: +0.0126 for
 * -0.0256; a link share of 0.35 once the region mode dropped whole
 * landmarks, which raised the default's precision: +0.0110 for -0.0226;
 * 0.45 once "widget" stopped counting on page builders' pages: +0.0106
 * for -0.0212, a ratio of 1.99; 0.55 gives +0.0104 for -0.0203). */
#define WN__P_KEPT_GOODNESS (-0.3)
#define WN__P_KEPT_LINK_SHARE 0.55
/* Recall: siblings join at a twelfth of the article's weight, subtrees
 * are pruned only when summing to -100, weak paragraphs kept down to
 * -0.8, bad names drop only what is named twice over (-80), and more
 * links are let through ... */
#define WN__R_SIBLING_SHARE 0.08
#define WN__R_PRUNE_SUM (-100)
#define WN__R_MAX_LINK_SHARE 0.65
#define WN__R_MAX_LINK_SHARE_PROSE 0.85
#define WN__R_DROP_HINT (-80)
#define WN__R_WEAK_GOODNESS (-0.8)
#define WN__R_STRONG_GOODNESS 0.4
/* ... and on a page read by its region the same -80 decides which
 * named parts are chrome, and lines of short links and the lines every
 * record repeats stay: chrome is dropped there by structure, without
 * reading its words.  (Bringing back every dropped block that reads as
 * running text instead cost seven times what it gave: -0.0176 precision
 * for +0.0025 recall on wcxb-dev.)  Link lines: +0.0020 recall for
 * -0.0029; template lines: +0.0006 for -0.0011; the names: +0.0054 for
 * -0.0040. */
#define WN__R_LINK_LINES 0
#define WN__R_TEMPLATE_LINES 0

/* ---- structure (shape.c) and page kinds (kind.c) ---- */
/* A price is a short block: a number with its currency and perhaps a
 * word ("From $19.99", "19,99 € *", "£279.00 Was £329.00 Save £50.00"). */
#define WN__PRICE_MAX_CHARS 24
/* A date line is short: "Posted by jo on 14 March 2023, 10:02 pm". */
#define WN__DATE_LINE_MAX 60
/* A block's text is counted by the inline box around it (a card that is
 * one link) when the box is at most this many inline levels up; deeper
 * wrappers of inline elements are rare, and the walk stays bounded. */
#define WN__BOX_WALK 8

/* The kind classifier (kind.c classify), thresholds read off the dev
 * pages' structure, rounded.  A thread: this many posts, each with a
 * time and running text. */
#define WN__KIND_POSTS 3
/* ... and on a page read as a thread whose posts hold no running text
 * (short replies), the dated members' group is its posts if less than
 * this share of its text is links: a list of other threads is linked
 * titles with their dates. */
#define WN__KIND_REPLIES_LINKED 0.5
/* ... that hold this share of the page's text: comments under an article
 * and reviews of a product hold less. */
#define WN__KIND_POSTS_SHARE 0.3
/* Documentation: code is this share of the text (more when the page
 * calls itself an article: tutorials carry code too). */
#define WN__KIND_CODE 0.02
#define WN__KIND_CODE_STRONG 0.15
/* A grid of cards: this many priced members, or fewer that hold this
 * share of the text. */
#define WN__KIND_GRID 11
#define WN__KIND_GRID_SMALL 6
#define WN__KIND_GRID_SHARE 0.1
/* ... unless the page sells one product and the grid is its "related"
 * strip, holding less than this share. */
#define WN__KIND_PRODUCT_GRID_SHARE 0.15
/* ... or less than this share when the page declares a Product and no
 * ItemList (its grid is then a strip of related products or of its
 * variants): on wcxb-dev 3 pages read as collections become products, all
 * three up (one gold collection among them), none down. */
#define WN__KIND_PRODUCT_ALONE_SHARE 0.5
/* A page that declares a Product and shows no buy control is a category
 * when its largest group has this many cards, at least this share of them
 * linked and this share headed, holding this share of the text (a
 * product's related strip holds less: 0.22 on the one dev product page
 * without a buy control whose tiles pass the rest; categories 0.29 to
 * 0.96).  wcxb-dev: 5 pages read as products become collections (4 gold
 * collections on 3 sites, +0.0075 on collections; one service page up),
 * none down by more than 0.03. */
#define WN__KIND_TILES 5
#define WN__KIND_TILES_LINKED 0.5
#define WN__KIND_TILES_HEADED 0.5
#define WN__KIND_TILES_SHARE 0.25
/* Running text per heading below which a page called an article is a
 * listing or a landing page ... */
#define WN__KIND_THIN_TEXT 90
/* ... and below which a page that says nothing is made of sections, when
 * it has at least this many headings (a short article has one or two). */
#define WN__KIND_SECTION_TEXT 145
#define WN__KIND_SECTIONS 3
/* Records whose members nearly all hold a link are a listing's entries. */
#define WN__KIND_LINKED_RECORDS 0.875
#define WN__KIND_ALL_LINKED 0.95
#define WN__KIND_RECORDS_SHARE 0.7
/* A run of this much running text is an article's body: no landing page
 * has one, and comments under an article are shorter. */
#define WN__KIND_ARTICLE_RUN 1000
/* A page's byline and date sign it unless it holds this many posts (each
 * with a time and running text): then they are the first post's. */
#define WN__KIND_SIGNED_POSTS 2
/* A landing page (a service's): it has no date anywhere, and of its cues
 * -- no byline, no date, short text, headings, feature groups, sections --
 * it shows at least this many (one may miss: a page signed by its firm, a
 * page without <section>); articles show three or four, landing pages
 * five or six on the dev pages. */
#define WN__KIND_LANDING_CUES 5
/* ... a block shorter than this (effective characters) and without links
 * is a short piece: a feature's blurb, a label, a stat, a button ... */
#define WN__KIND_SHORT_BLOCK 80
/* ... and short pieces hold this share of the text (articles: 0.11 at the
 * median, landing pages 0.18) ... */
#define WN__KIND_SHORT_SHARE 0.15
/* ... headings this share (articles 0.047, landing pages 0.072) ... */
#define WN__KIND_HEADING_SHARE 0.065
/* ... with this many groups of feature cards: alike siblings, most of them
 * (this share) with a heading and fewer than this share linked (linked
 * cards are a listing's records) ... */
#define WN__KIND_FEATURE_GROUPS 2
#define WN__KIND_FEATURE_HEADED 0.66
#define WN__KIND_FEATURE_LINKED 0.5
/* ... and this many <section> elements with a heading (articles: one). */
#define WN__KIND_SECTION_ELEMENTS 4
/* A pitch that reads as one running text (kind.c, classify): unsigned,
 * with a heading share above any article's upper quartile (0.066 on the
 * dev pages; landing pages 0.097) and three or more groups of feature
 * cards (articles: one or two).  Its kind is service; the article mode
 * reads it, as its text runs on. */
#define WN__KIND_PITCH_HEADINGS 0.08
#define WN__KIND_PITCH_FEATURES 3
/* Pages read as articles whose kind is another (kind.c, classify; the
 * article mode still reads them).  Documentation: code is at least this
 * share of the text (one snippet on a page of ten thousand characters)
 * and links this share (a manual's navigation tree around it; a
 * tutorial's links are its text's, under a fifth). */
#define WN__KIND_DOCS_CODE 0.005
#define WN__KIND_DOCS_LINKS 0.3
/* Service: short blurbs without links hold this share of the text, above
 * the upper quartile of articles (0.17 on the dev pages; landing pages
 * 0.17 at the median) ... */
#define WN__KIND_BLURB_SHARE 0.22
/* ... or this many links and buttons call to act ("Get a quote", "Learn
 * more"): articles show two at the median, service pages five, and an
 * article without any date in its metadata seldom more than six. */
#define WN__KIND_CALLS 7

/* ---- recovery (winnow.c, clean.c) ---- */
/* A page whose kept text is shorter than this (effective characters) has
 * yielded almost nothing: what a browser without scripts, or the page's
 * own data, would show is read instead when it holds more. */
#define WN__RECOVER_MIN_CHARS 200
/* A hidden element with at least this many bytes of text is a wrapper a
 * script shows (a page-wide visibility:hidden, a streaming container),
 * not a hidden widget. */
#define WN__RECOVER_HIDDEN_BYTES 1000
/* A page streamed in parts (React's <div hidden> segments, one a section,
 * each moved into place by a script) holds its text in many hidden
 * elements at the body's top, none of them this large: when a page gave
 * almost nothing and those hold this much together, all of them are
 * shown. */
#define WN__RECOVER_PARTS_BYTES 1000
/* A hidden wrapper at the body's top with a page's worth of text (this
 * many bytes) and this many times the kept characters is read even when
 * something was kept: what was kept is the chrome around the page a
 * script shows.  Smaller streamed parts are widgets (a carousel, the
 * reviews) under content already shown. */
#define WN__RECOVER_WRAP_BYTES 8000
#define WN__RECOVER_WRAP_OVER 3

/* ---- an article cut to one section (select/select.c) ---- */
/* An article that keeps less than this share of the characters of the
 * page's text blocks (paragraphs at least this good, under no hint as bad
 * as WN__DROP_HINT, and no teaser's summary it left out: another story's)
 * is one section of a page of stacked sections, a
 * service's landing page above all: the page is read by its region.  On
 * wcxb-dev every page the article mode left under the share gained by it
 * or stayed the same (16 pages: service pages, listings, articles split
 * into sibling sections); real articles keep nearly all of that text,
 * since comments and teasers are hinted or weak. */
#define WN__CUT_SHARE 0.6
#define WN__CUT_GOODNESS 0.3
/* ... and so is an article that keeps under this share of the page's
 * section headings (headings over a line of their own of this many
 * characters or more, unlinked, under no boilerplate name), of at least
 * this many: a landing page's features and answers are too short to count
 * as running text above.  On wcxb-dev: 10 pages up by +1.45 (service
 * pages, articles cut into headed parts), one listing -0.011; readability
 * and scrapinghub-dev unchanged.  Counting every heading, teaser groups'
 * ("World", "Politics") cut news articles on scrapinghub-dev. */
#define WN__CUT_HEADINGS 0.5
#define WN__CUT_HEADING_TEXT 40
#define WN__CUT_HEADINGS_MIN 6

/* ---- repeated text (select/repeats.c) ---- */
/* An element whose kept text, at least this many blocks and characters,
 * the kept text already holds word for word, in the same blocks, is a
 * copy: a section rendered for two screen widths, a cloned carousel (its
 * slides a heading and a line each), a print copy.  Smaller ones repeat
 * by right (a step's warning, a recipe's "1 cup"); quotes, cells and code
 * never count, and list items shorter than WN__REPEAT_ITEM_CHARS do not
 * count towards the run (pricing tiers share their features).  On
 * wcxb-dev, 2 blocks of 100 characters against 3 of 200: 41 pages
 * change, 31 up and 10 down (+0.92; the losses are an API reference's
 * shared parameters and pages whose gold copies hidden duplicates);
 * without the list-item rule, tiers lost their features (-0.04 on one
 * page); the other corpora unchanged. */
#define WN__REPEAT_RUN 2
#define WN__REPEAT_CHARS 100
#define WN__REPEAT_ITEM_CHARS 80
/* On documentation, a reference's shared parameters (a name and its
 * meaning, under every call that takes it) repeat by right: a copy there
 * is 3 blocks and 200 characters, as before slides were caught. */
#define WN__REPEAT_DOC_RUN 3
#define WN__REPEAT_DOC_CHARS 200
/* A ticker (a marquee's text, copied so that it scrolls without a gap) is
 * one phrase of at most WN__TICKER_WORDS words said WN__TICKER_TIMES
 * times or more in one block, each copy an element, and nothing else
 * ("<span>Book now *</span><span>Book now *</span> ..."); a song's
 * refrain or a chant says its line four times or so. */
#define WN__TICKER_WORDS 6
#define WN__TICKER_TIMES 8

/* ---- what a script-filled page leaves (select/select.c) ---- */
/* Kept text of at most this many words, in headings or links of at most
 * this many words with no sentence and no digit, is the labels of a page's chrome
 * ("Help", "Browse by Category"): a product grid has prices, a page of
 * content a sentence. */
#define WN__LEFT_LABELS_WORDS 12
#define WN__LEFT_LABEL_WORDS 5
/* Kept text of at most this many words that names JavaScript is the
 * notice a page shows without its script ("You need to enable JavaScript
 * to run this app."). */
#define WN__LEFT_NOTICE_WORDS 25

/* ---- the posts mode (select/posts.c) ---- */
/* A line that, digits aside, stands in this many posts is the forum's
 * template (in a short thread: in two). */
#define WN__POST_TEMPLATE 3
/* ... and one that stands in this share of the posts is, even as a
 * post's first line (no author wrote every post of a thread). */
#define WN__POST_EVERYWHERE 0.6
/* A post's first line is its author's name when at most this long. */
#define WN__POST_AUTHOR_CHARS 40
/* A user panel's "Join Date: Apr 2023": a line of at most this many
 * characters with a colon within the first WN__POST_LABEL is its label
 * when posts are compared. */
#define WN__POST_LABEL_LINE 40
#define WN__POST_LABEL 20
/* Inside a post, an element named for boilerplate (a signature, a share
 * bar) that holds less than this share of the post's text is dropped. */
#define WN__POST_CHROME_SHARE 0.5

/* ---- comments (select/comments.c, the comments option) ---- */
/* Elements named for comments that are looked into for comments at most:
 * a page nesting thousands of them costs no more than this many passes. */
#define WN__COMMENT_TRIES 16
/* A heading that names a comment section is short: "Reader comments (3)",
 * "4 thoughts on ..." is not looked for. */
#define WN__COMMENT_HEADING_MAX 40

/* ---- the product mode (select/product.c) ---- */
/* A product's buy box: the largest element around the name with a
 * price, at most this share of the page's text (more is the page's body,
 * not the product's column).  An aside or a part named as boilerplate
 * inside such a column, holding running text, is its drawer (the
 * description a button slides in), not chrome (select/region.c). */
#define WN__PRODUCT_BUYBOX_SHARE 0.25
/* A group of this many priced cards on a product page shows other
 * products. */
#define WN__PRODUCT_GRID 3
/* ... a card being short: a title, a price, a line of delivery or
 * seller (about 150 characters on the dev pages); a pricing tier or a
 * review with its text is longer.  A longer member of the priced group
 * that is no card is the product's own part in a column of alike panels
 * (its buy options beside its description and requirements): it stays
 * (wcxb-dev: product +0.0028, one page up by 0.33, none down). */
#define WN__PRODUCT_CARD_MAX 300
/* ... and the block just before it, of at most this many words, is the
 * field's name ("swatch_image_red:"). */
#define WN__PRODUCT_LABEL_WORDS 3
/* A stream of this many reviews (running text under a date line) on a
 * product page is its customers', not the product. */
#define WN__PRODUCT_REVIEWS 3
/* A product's description that holds less than WN__CUT_SHARE of the
 * page's running text is one of a maker's feature sections: the region
 * is read instead, unless it keeps this many times the description's
 * text (the whole page: 84 times on the dev pages' worst, at most 10 on
 * those it helps). */
#define WN__PRODUCT_REGION_GROWTH 20
/* A description (with its name and buy box) whose page's region keeps at
 * least this many times its text, other products and reviews left out,
 * is one part of the product's column: the region is read.  On wcxb-dev's
 * product pages with a description, 11 of the 13 whose region keeps 2 to
 * 20 times as much score higher by the region; of the 8 at 1.5 to 2
 * times, 5 do, but the sum falls (-0.06). */
#define WN__PRODUCT_REGION_MORE 2
/* A kept block of at least this many characters that says an earlier
 * kept block again, word for word, is its copy for another screen size
 * or tab (a sentence; a price or a label may repeat by right). */
#define WN__PRODUCT_COPY_CHARS 80
/* A hiding utility class's namespace is a few letters ("u-hidden",
 * "is-hidden"); a longer word before "-hidden" says what is hidden of it
 * ("overflow-hidden").  wcxb-dev's products: the same from 2 to 5 letters;
 * bare names only, -0.0014. */
#define WN__PRODUCT_HIDE_PREFIX 3
/* The product's price follows its name within this many blocks. */
#define WN__PRODUCT_PRICE_NEAR 12

/* ---- the region mode (select/region.c) ---- */
/* The <main> landmark is the region when it holds at least this share of
 * the body's text; a smaller one is a page's intro. */
#define WN__REGION_MAIN_SHARE 0.2
/* Chrome holds less than this share of the region's text: more is the
 * page's content, however it is named or wrapped. */
#define WN__CHROME_MAX_SHARE 0.5
/* A menu: at least this many blocks, and this share of their text in
 * links. */
#define WN__MENU_BLOCKS 3
#define WN__MENU_LINK_SHARE 0.8
/* ... and fewer link characters than this per linked block on average:
 * menu items are a word or three, a listing's linked titles longer. */
#define WN__MENU_ITEM_CHARS 25
/* A line of short links is a menu even on a service page or a listing,
 * where a call to action or an entry's title is one or a few links, when
 * it holds more than this many inline elements: a language picker or a
 * tag cloud of hundreds.  (A letter of an A-Z index holds a dozen.) */
#define WN__LINK_LINE_ITEMS 32
/* On a collection or a listing, a part with this many checkboxes or radio
 * buttons and no running text is its filters ("Wide fit", "On sale"): a
 * card has one at most ("Compare"). */
#define WN__FILTER_CHECKS 3
/* A class attribute carried by this many elements or more is the page's
 * vocabulary for its units, not the name of one boilerplate panel. */
#define WN__CLASS_VOCABULARY 8
/* Records (select/records.c): at least this many alike siblings, of which
 * this share carry fields (a heading, price, date, or this many characters
 * of text that is not a link).  Three: two alike boxes are a pair, not a
 * list; the share lets a card without a rating or a badge be one. */
#define WN__RECORD_MIN 3
#define WN__RECORD_FIELDED 0.6
#define WN__RECORD_TEXT 10
/* A short line (at most this many characters) that this share of a
 * list's records say word for word, in a list of at least this many, is
 * the records' template: a button or a label, not a field. */
#define WN__RECORD_TEMPLATE_CHARS 30
#define WN__RECORD_TEMPLATE_SHARE 0.8
#define WN__RECORD_TEMPLATE_MIN 4
/* A record's lines kept to find its copies: a card says its title two or
 * three times, with a badge or a vendor line between; a record is a few
 * lines, and past this many a copy is rare. */
#define WN__RECORD_COPY_LINES 16
/* A page of records without a main landmark (select/region.c): its
 * records, when they hold this share of the page's text, are read with
 * the ancestors that add to them less than this share of links (or fewer
 * characters than this: a heading, a count) and blocks of which less than
 * this share hold a link (a category tree's "Switches (312)"). */
#define WN__REGION_RECORDS_SHARE 0.3
#define WN__REGION_CHROME_LINKS 0.5
#define WN__REGION_CHROME_CHARS 200
#define WN__REGION_CHROME_LINKED 0.6
/* ... its largest record list, or the list inside it that holds this
 * share of its text (a page's header, body and footer wrappers are alike
 * siblings too, around the grid). */
#define WN__REGION_RECORDS_INNER 0.5
/* A part of a records page beside its main landmark is its own text
 * (a category's description and guide) when this share of it is
 * running text. */
#define WN__REGION_OUTSIDE_PROSE 0.5

/* ---- metadata (metadata/) ---- */
/* A byline's text is at most this long (Readability.js's isValidByline). */
#define WN__META_BYLINE_MAX 100
/* Longer values are cut: they are not metadata. */
#define WN__META_VALUE_MAX 4096
/* At most this many tags, categories or names. */
#define WN__META_LIST_MAX 64
/* Byline and date lines are short: longer elements are never marked
 * WN__NF_META, whatever their class says. */
#define WN__META_LINE_MAX 120
/* "By Jane Doe" without a byline class counts only this many characters
 * of text after the h1 (or the start of the body): near the top. */
#define WN__META_TOP_CHARS 1500
/* More byline (or date) lines than this outside comments: a listing,
 * whose teasers' bylines are their text, not the page's metadata. */
#define WN__META_LISTING 3
/* A label before a date on its line ("Published on ", "Last updated: ")
 * is at most this many bytes: more is a sentence with a date in it. */
#define WN__META_DATE_LABEL 24
/* A byline or date line is a few elements: larger subtrees are not read
 * as one (which also keeps the stage linear on deeply nested pages). */
#define WN__META_LINE_NODES 64
/* A name has at most this many words ("Bruno Henrique Zecchin Rodrigues"). */
#define WN__META_NAME_WORDS 6
/* A poster's or person's name is shorter than this many characters. */
#define WN__META_NAME_MAX 48
/* A page with this many posters' names (member profile links, username
 * elements) after its h1 is a discussion: the first poster is its
 * author. */
#define WN__META_POSTERS 2
/* A date alone on its line counts as the page's above the h1 too when it
 * sits within this many levels of the h1's parents (the headline's box). */
#define WN__META_HEAD_BOX 3
/* Years outside this range are page numbers, prices or ids, not dates. */
#define WN__DATE_YEAR_MIN 1900
#define WN__DATE_YEAR_MAX 2100
/* How deep JSON-LD is walked for objects and @id targets. */
#define WN__META_LD_DEPTH 32
/* At most this many JSON-LD objects are read per page (a @graph of a
 * few dozen is usual): @id lookups stay cheap. */
#define WN__META_LD_OBJECTS 4096
/* Titles compared word by word are cut at this many bytes. */
#define WN__META_TITLE_MAX 1024
/* Titles are split at no more than this many separators. */
#define WN__META_TITLE_SEPS 16
/* The first this many visible h1s are weighed as the headline (a logo's
 * h1 often comes before the article's). */
#define WN__META_H1S 8
/* Summary cards label at most this many values (twitter:label1..4). */
#define WN__META_CARD_LABELS 4
/* A title that holds an h1 of at least this many words, and at least this
 * share (percent) of the title's words, with words around it ("Average
 * Cost of Online College [2025]: Yearly Tuition + Fees") is the h1 dressed
 * for search results: the h1 is the headline.  Shorter h1s are a section's
 * or a shop's name ("Coupons", "Data Science") that the title completes. */
#define WN__META_H1_HELD_WORDS 3
#define WN__META_H1_HELD_SHARE 40
/* A title's last " | " part of at most this many words is the site's, a
 * section's or a tagline ("| Patient Education", "| Freshworks"), not the
 * headline's: pages put their brand behind the pipe. */
#define WN__META_TAIL_WORDS 3
/* An h1 that goes on from a title's words by at most this many words is
 * the headline the title cut short; more is a heading that swallowed
 * other text (a tooltip, a paragraph). */
#define WN__META_H1_MORE 10
/* Percent of the body's text past which a comment box is the page's
 * thread (a forum's posts), read for the byline and date. */
#define WN__META_THREAD_SHARE 50
/* A comment thread's count line ("3 comments") is its first text within
 * this many nodes of the thread's element. */
#define WN__META_COUNT_SCAN 8
/* At most this many names of the site are matched against title parts. */
#define WN__META_SITE_NAMES 8
/* A title part that holds a site's name with at most this many words
 * more names the site too ("REI Co-op" for "REI"). */
#define WN__META_SITE_EXTRA 2
/* Readability.js takes JSON-LD's headline over its name when only the
 * headline is this similar to the <title> (its textSimilarity). */
#define WN__META_TITLE_SIMILAR 0.75

/* ---- Markdown (render/markdown.c) ---- */
/* Quotes and lists deeper than this add no further prefix, so a page
 * nested 100,000 deep does not make lines of 200,000 characters. */
#define WN__MD_MAX_NEST 32
/* A table whose cell holds block content longer than this (or that holds
 * another table, or has one column) lays out a page: its cells are given
 * as paragraphs.  Otherwise it is data, given as a pipe table. */
#define WN__MD_LAYOUT_CELL_CHARS 200
/* Tables of more columns are laid out as paragraphs: colspan can make a
 * few cells thousands of columns wide. */
#define WN__MD_MAX_TABLE_COLUMNS 64

/* ---- code blocks (render/pick.c) ---- */
/* A code block's wrapper is at most this many levels above its <pre> ... */
#define WN__CODE_WRAPPER_LEVELS 3
/* ... and holds at most this many characters besides the code (its
 * label: a language's name is a word; "Objective-C" has 11 letters). */
#define WN__CODE_LABEL_CHARS 24

/* ---- charset (input/charset.c) ---- */
/* UTF-16 without a byte order mark that does not start like markup is
 * read as such when this share of its first 4 KB's code units, its first
 * among them, are ASCII characters of text: a fragment of plain text.
 * Binary data and Latin-1 text have far fewer NULs in one byte of every
 * pair; an ASCII page with a UTF-16 string in it starts with "<!" as one
 * unit. */
#define WN__UTF16_TEXT_SHARE 0.95

/* ---- input guard (input/guard.c) ---- */
/* The guard's depth is an estimate: it lets elements this much deeper
 * than max_depth through, for dom.c to cut exactly. */
#define WN__GUARD_SLACK 64
/* gumbo checks each attribute of a tag against the others: more are cut. */
#define WN__GUARD_ATTRS 64
/* Unclosed <b>, <font> ...: gumbo clones them; more than this are cut. */
#define WN__GUARD_FORMAT 32
/* While formatting elements are open, gumbo looks for the last one in the
 * open-element stack at each character of text: the stack is kept this
 * low then, so that text costs at most this much per byte. */
#define WN__GUARD_FORMAT_DEPTH 64
/* gumbo takes about 500 bytes per element with its text node: past this
 * many, tags are cut so that memory stays near 0.5 GB. */
#define WN__GUARD_ELEMENTS 1000000
/* How far down the open elements implied end tags are looked for. */
#define WN__GUARD_SEARCH 16

/* ---- input (input/sniff.c) ---- */
/* The bytes looked at for binary data: WHATWG MIME Sniffing's resource
 * header. */
#define WN__SNIFF_HEADER 1445
/* More than one in this many bytes of it that no text uses (NUL, the C0
 * controls but tab, LF, FF, CR and ESC) is binary data: random bytes have
 * one in ten, a page with stray NULs far fewer.  Not counted for a page
 * that starts like markup, whose script may hold a UTF-16 string. */
#define WN__SNIFF_BINARY_SHARE 16

#endif /* WINNOW_TUNING_H */
