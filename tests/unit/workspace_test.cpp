// Loading a workspace: how its partner folders are found and kept.

#include "model/workspace.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "fixture_workspace.hpp"

namespace partnerops {
namespace {

TEST(Workspace, FindsAPartnerWhoseSlugBeginsAnotherPartnersSlug) {
  // Paths sort "lakeshore-college-west/" before "lakeshore-college/", slugs
  // the other way round; partner() looks slugs up by bisection.
  testing::MemorySource source = testing::fixture_workspace();
  std::string partner = source.read("partners/lakeshore-college/partner.yaml", 1 << 20).content;
  const std::string slug_line = "slug: lakeshore-college\n";
  ASSERT_NE(partner.find(slug_line), std::string::npos);
  partner.replace(partner.find(slug_line), slug_line.size(), "slug: lakeshore-college-west\n");
  source.add("partners/lakeshore-college-west/partner.yaml", partner);

  Diagnostics diagnostics;
  const Workspace workspace = load_workspace(source, {}, diagnostics);
  ASSERT_NE(workspace.partner("lakeshore-college"), nullptr);
  EXPECT_EQ(workspace.partner("lakeshore-college")->path, "partners/lakeshore-college");
  ASSERT_NE(workspace.partner("lakeshore-college-west"), nullptr);
  EXPECT_EQ(workspace.partner("lakeshore-college-west")->partner->slug.value,
            "lakeshore-college-west");
  EXPECT_TRUE(std::is_sorted(
      workspace.partners().begin(), workspace.partners().end(),
      [](const PartnerFolder& a, const PartnerFolder& b) { return a.slug < b.slug; }));
}

TEST(Workspace, GivesEachCallerATreeOfItsOwnThatOutlivesTheWorkspace) {
  // Trees are decoded per call from the forms loading kept, so holding one
  // keeps what its nodes point into.
  const testing::MemorySource source = testing::fixture_workspace();
  std::shared_ptr<const yaml::Document> kept;
  std::shared_ptr<const yaml::Document> other;
  {
    Diagnostics diagnostics;
    const Workspace workspace = load_workspace(source, {}, diagnostics);
    const WorkspaceFile* file = workspace.file("partners/lakeshore-college/partner.yaml");
    ASSERT_NE(file, nullptr);
    ASSERT_TRUE(file->parsed());
    kept = file->document();
    other = file->document();
  }
  ASSERT_NE(kept, nullptr);
  EXPECT_NE(kept, other);
  EXPECT_EQ(kept->path(), "partners/lakeshore-college/partner.yaml");
  const yaml::Node* slug = kept->root().find("slug");
  ASSERT_NE(slug, nullptr);
  EXPECT_EQ(slug->text(), "lakeshore-college");
}

}  // namespace
}  // namespace partnerops
