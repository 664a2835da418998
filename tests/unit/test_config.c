/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include "carnet/model/config.h"
#include "fixtures.h"
#include "harness.h"

struct warnings {
	int n;
	char last[1024];
};

static void collect(void *ctx, const char *msg)
{
	struct warnings *w = ctx;
	w->n++;
	snprintf(w->last, sizeof w->last, "%s", msg);
}

static int load(struct config *cfg, const char *const *paths, int n, struct warnings *w,
                struct cn_err *err)
{
	memset(w, 0, sizeof *w);
	return config_load_files(cfg, paths, n, collect, w, err);
}

static void test_shipped_lists(void)
{
	const char *paths[] = {shipped_ini()};
	struct config cfg;
	struct warnings w;
	struct cn_err err;
	const struct vlist *org;

	CHECK_INT(load(&cfg, paths, 1, &w, &err), CN_OK);
	CHECK_INT(w.n, 0);
	CHECK_INT(cfg.lists.l[L_POSTURE].n, 4);
	CHECK_STR(cfg.lists.l[L_POSTURE].e[0].code, "pour");
	CHECK_STR(cfg.lists.l[L_POSTURE].e[3].code, "faire");
	CHECK_INT(cfg.lists.l[L_CANAL].n, 6);
	CHECK_INT(cfg.lists.l[L_DEMANDE].n, 11);
	org = &cfg.lists.l[L_ORGANISME];
	CHECK_INT(org->n, 17);
	CHECK_STR(org->e[0].code, "caf");
	CHECK_STR(lists_label(&cfg.lists, L_ORGANISME, "energie"), "Énergie, eau, téléphone");
	CHECK_INT(cfg.lists.l[L_ISSUE].n, 5);
	CHECK_INT(cfg.lists.l[L_ORIENTE_PAR].n, 9);
	CHECK_INT(cfg.lists.l[L_ORIENTE_VERS].n, 8);
	CHECK_INT(cfg.lists.l[L_TRANCHE_AGE].n, 8);
	CHECK_INT(cfg.lists.l[L_GENRE].n, 3);
	CHECK_INT(cfg.lists.l[L_QUARTIER].n, 0);
	CHECK_INT(cfg.lists.l[L_SITUATION].n, 5);
	CHECK_INT(cfg.lists.l[L_EQUIPEMENT].n, 6);
	CHECK_INT(cfg.lists.l[L_MEDIATEUR].n, 0);
	/* No site configured: the desk records under the default site. */
	CHECK_INT(cfg.lists.l[L_SITE].n, 1);
	CHECK_STR(cfg.site, DEFAULT_SITE_CODE);
	CHECK_STR(cfg.mediator, "");
	config_free(&cfg);
}

static void test_layers(void)
{
	const char *base = write_file("base.ini", "[organisme]\ncaf = CAF\nmsa = MSA\n"
	                                          "[site]\nnord = Site nord\n");
	const char *etc = write_file("etc.ini", "[organisme]\ncaf = Caisse (etc)\n"
	                                        "banque = Banque\n[retired]\norganisme = banque\n");
	const char *user = write_file("user.ini", "[organisme]\nCAF = Caisse (utilisateur)\n"
	                                          "ft = France Travail\n"
	                                          "[site]\nsud = Site sud\n"
	                                          "[desk]\nsite = SUD\n"
	                                          "[retired]\norganisme = msa\n");
	const char *paths[] = {base, etc, user};
	struct config cfg;
	struct warnings w;
	struct cn_err err;
	const struct vlist *org;

	CHECK_INT(load(&cfg, paths, 3, &w, &err), CN_OK);
	org = &cfg.lists.l[L_ORGANISME];
	CHECK_INT(org->n, 4);
	/* The most specific file wins for each key; new entries are appended. */
	CHECK_STR(lists_label(&cfg.lists, L_ORGANISME, "caf"), "Caisse (utilisateur)");
	CHECK_STR(org->e[0].code, "caf");
	CHECK_STR(org->e[2].code, "banque");
	CHECK_STR(org->e[3].code, "ft");
	/* [retired] organisme is one key: the user's value replaces /etc's. */
	CHECK(vlist_find(org, "msa")->retired);
	CHECK(!vlist_find(org, "banque")->retired);
	CHECK_INT(lists_check(&cfg.lists, L_ORGANISME, "msa", false, &err), CN_EINVAL);
	CHECK(strstr(err.msg, "retiré") != NULL);
	CHECK(strstr(err.msg, "caf") != NULL);
	CHECK(strstr(err.msg, "msa, ") == NULL); /* not offered any more */
	CHECK_INT(lists_check(&cfg.lists, L_ORGANISME, "msa", true, &err), CN_OK);
	CHECK_STR(lists_label(&cfg.lists, L_ORGANISME, "msa"), "MSA");
	CHECK_STR(cfg.site, "sud");
	CHECK_INT(cfg.nfiles, 3);
	CHECK_STR(cfg.files[0], user);
	config_free(&cfg);
}

static void test_unknown_keys_warn(void)
{
	const char *f = write_file("warn.ini", "[organisme]\ncaf = CAF\n[couleurs]\nfond = bleu\n"
	                                       "[desk]\nimprimante = oui\n");
	const char *paths[] = {f};
	struct config cfg;
	struct warnings w;
	struct cn_err err;

	CHECK_INT(load(&cfg, paths, 1, &w, &err), CN_OK);
	CHECK_INT(w.n, 2);
	CHECK(strstr(w.last, f) != NULL);
	CHECK(strstr(w.last, "desk:imprimante") != NULL);
	config_free(&cfg);

	f = write_file("warn2.ini", "[retired]\nplanete = mars\norganisme = inconnu\n"
	                            "[organisme]\ncaf = CAF\n");
	paths[0] = f;
	CHECK_INT(load(&cfg, paths, 1, &w, &err), CN_OK);
	CHECK_INT(w.n, 2);
	CHECK(strstr(w.last, "inconnu") != NULL);
	config_free(&cfg);
}

/* [desk] name, address and printer: texts, the most specific file's; one
 * with a control character or too long is warned about and ignored. */
static void test_desk_texts(void)
{
	const char *base = write_file("slip1.ini", "[desk]\nname = Poste de base\n"
	                                          "printer = lp -d accueil\naddress = 1 rue A\n");
	const char *user = write_file("slip2.ini", "[desk]\nname = Point numérique\n"
	                                          "printer = lp\x1b -d x\n");
	const char *paths[] = {base, user};
	struct config cfg;
	struct warnings w;
	struct cn_err err;

	CHECK_INT(load(&cfg, paths, 1, &w, &err), CN_OK);
	CHECK_STR(cfg.printer, "lp -d accueil");
	CHECK_STR(cfg.desk_name, "Poste de base");
	CHECK_STR(cfg.desk_address, "1 rue A");
	config_free(&cfg);
	CHECK_INT(load(&cfg, paths, 2, &w, &err), CN_OK);
	CHECK_STR(cfg.desk_name, "Point numérique");
	CHECK_STR(cfg.printer, "lp -d accueil"); /* the refused one is ignored */
	CHECK_INT(w.n, 1);
	CHECK(strstr(w.last, "[desk] printer : caractère de contrôle") != NULL);
	config_free(&cfg);
}

static void test_malformed(void)
{
	const char *f = write_file("bad.ini", "[organisme]\ncaf = CAF\nceci n'est pas une clé\n");
	const char *paths[] = {shipped_ini(), f};
	struct config cfg;
	struct warnings w;
	struct cn_err err;

	CHECK_INT(load(&cfg, paths, 2, &w, &err), CN_ECONFIG);
	CHECK(strstr(err.msg, f) != NULL);
	CHECK(strstr(err.msg, "ligne 3") != NULL);

	paths[1] = "/nonexistent/carnet.ini";
	CHECK_INT(load(&cfg, paths, 2, &w, &err), CN_ECONFIG);
	CHECK(strstr(err.msg, "/nonexistent/carnet.ini") != NULL);
}

static void test_desk_checked(void)
{
	const char *f = write_file("desk.ini", "[site]\nnord = Nord\n[desk]\nsite = ouest\n");
	const char *g = write_file("desk2.ini", "[mediateur]\ncd = C. D.\n[desk]\nmediator = CD\n");
	const char *paths[] = {shipped_ini(), f};
	struct config cfg;
	struct warnings w;
	struct cn_err err;

	CHECK_INT(load(&cfg, paths, 2, &w, &err), CN_ECONFIG);
	CHECK(strstr(err.msg, "[desk] site") != NULL);
	CHECK(strstr(err.msg, "nord") != NULL);
	paths[1] = g;
	CHECK_INT(load(&cfg, paths, 2, &w, &err), CN_OK);
	CHECK_STR(cfg.mediator, "cd");
	CHECK_STR(cfg.site, DEFAULT_SITE_CODE);
	config_free(&cfg);
}

static void test_bad_entries_skipped(void)
{
	const char *f = write_file("entries.ini", "[organisme]\ncaf = CAF\n"
	                                          "\"mal formé\" = X\nvide =\n");
	const char *paths[] = {f};
	struct config cfg;
	struct warnings w;
	struct cn_err err;

	CHECK_INT(load(&cfg, paths, 1, &w, &err), CN_OK);
	CHECK_INT(cfg.lists.l[L_ORGANISME].n, 1);
	CHECK_INT(w.n, 2);
	config_free(&cfg);
}

static void test_keys_section(void)
{
	const char *f = write_file("keys.ini", "[keys]\nnew = F2 n\nsave = Entrer\nvoler = x\n");
	const char *g = write_file("keys2.ini", "[keys]\nnew = F3\n");
	const char *paths[] = {f, g};
	struct config cfg;
	struct warnings w;
	struct cn_err err;

	CHECK_INT(load(&cfg, paths, 1, &w, &err), CN_OK);
	CHECK_STR(cfg.keys[ACT_NEW], "F2 n");
	CHECK_STR(cfg.keys[ACT_SAVE], "");
	CHECK_INT(w.n, 2);
	config_free(&cfg);
	CHECK_INT(load(&cfg, paths, 2, &w, &err), CN_OK);
	CHECK_STR(cfg.keys[ACT_NEW], "F3"); /* the more specific file wins */
	config_free(&cfg);
}

int main(void)
{
	RUN(test_shipped_lists);
	RUN(test_layers);
	RUN(test_unknown_keys_warn);
	RUN(test_malformed);
	RUN(test_desk_checked);
	RUN(test_bad_entries_skipped);
	RUN(test_keys_section);
	RUN(test_desk_texts);
	return harness_finish();
}
