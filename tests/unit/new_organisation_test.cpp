// The plan of a new organisation's repository: every default and skeleton
// file, partnerops.yaml from the options, the record of the defaults, and
// refusals for options that would not validate.

#include "scaffold/new_organisation.hpp"

#include <gtest/gtest.h>

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace partnerops::scaffold {
namespace {

using partnerops::testing::TempDir;
using partnerops::testing::write_file;

NewOrganisationRequest request() {
  NewOrganisationRequest r;
  r.name = "Acme Research";
  r.currency = "EUR";
  r.person_name = "Ada Lovelace";
  r.person_email = "ada@example.org";
  r.toolkit_version = "0.1.0";
  return r;
}

const std::vector<DefaultFile> k_defaults = {{"schemas/lifecycle.yaml", "stages\n"},
                                             {"templates/invoice.mustache", "invoice\n"}};

TEST(NewOrganisation, PlansDefaultsSkeletonSettingsAndRecord) {
  TempDir skeleton;
  write_file(skeleton.path() / ".gitignore", "/out/\n");
  write_file(skeleton.path() / ".github/workflows/partners.yml", "name: partners\n");
  write_file(skeleton.path() / "README.md", "# @ORGANISATION@ (partnerops @TOOLKIT_VERSION@)\n");
  std::string error;
  const auto files = plan_new_organisation(request(), k_defaults, skeleton.path(), &error);
  ASSERT_TRUE(files) << error;
  std::vector<std::string> paths;
  for (const DefaultFile& file : *files) paths.push_back(file.path);
  EXPECT_EQ(paths,
            (std::vector<std::string>{".github/workflows/partners.yml", ".gitignore",
                                      ".partnerops-defaults", "README.md", "partnerops.yaml",
                                      "schemas/lifecycle.yaml", "templates/invoice.mustache"}));
  EXPECT_EQ((*files)[3].content, "# Acme Research (partnerops 0.1.0)\n");
  EXPECT_EQ((*files)[2].content, digest_of("stages\n") + "  schemas/lifecycle.yaml\n" +
                                     digest_of("invoice\n") + "  templates/invoice.mustache\n");
}

TEST(NewOrganisation, SettingsCarryTheOptionsAndTheirPlaceholders) {
  NewOrganisationRequest r = request();
  r.fiscal_sponsor = "Civic Works: Fiscal Partners";
  const std::string settings = organisation_settings(r);
  EXPECT_NE(settings.find("toolkit_version: \"0.1.0\"\norganisation:\n  name: Acme Research\n"
                          "  legal_name: \"TODO: registered legal name\"\n"),
            std::string::npos)
      << settings;
  EXPECT_NE(settings.find("signatories:\n  - name: Ada Lovelace\n    title: \"TODO: job title\"\n"
                          "    email: ada@example.org\n"),
            std::string::npos);
  // A name that YAML would read otherwise is quoted.
  EXPECT_NE(settings.find("fiscal_sponsor:\n  name: \"Civic Works: Fiscal Partners\"\n"),
            std::string::npos);
  EXPECT_NE(settings.find("  currency: EUR\n  payment_terms_days: 30\n  paper: a4\n"),
            std::string::npos);
  EXPECT_NE(settings.find("roles:\n  finance:\n    - ada@example.org\n"), std::string::npos);
}

TEST(NewOrganisation, UsDollarsPrintOnLetterPaper) {
  NewOrganisationRequest r = request();
  r.currency = "USD";
  EXPECT_NE(organisation_settings(r).find("  paper: letter\n"), std::string::npos);
}

TEST(NewOrganisation, RefusesOptionsThatWouldNotValidate) {
  TempDir skeleton;
  std::string error;
  NewOrganisationRequest r = request();
  r.currency = "euro";
  EXPECT_FALSE(plan_new_organisation(r, k_defaults, skeleton.path(), &error));
  EXPECT_EQ(error, "--currency must be an ISO 4217 code in capitals, e.g. USD or EUR, not 'euro'");
  r = request();
  r.name = "  ";
  EXPECT_FALSE(plan_new_organisation(r, k_defaults, skeleton.path(), &error));
  EXPECT_EQ(error, "--name must name the organisation");
  r = request();
  r.name = "Two\nlines";
  EXPECT_FALSE(plan_new_organisation(r, k_defaults, skeleton.path(), &error));
  EXPECT_EQ(error, "--name must be one line");
}

}  // namespace
}  // namespace partnerops::scaffold
