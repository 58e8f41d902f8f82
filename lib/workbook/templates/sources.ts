/**
 * Hosts of the public sources that the built-in templates name. A framework
 * link outside this list is most likely a typo or an unvetted source, so the
 * template tests refuse it.
 */
export const FRAMEWORK_HOSTS = [
  // CSG Justice Center and its project sites
  "jmhcp.org",
  "csgjusticecenter.org",
  "projects.csgjusticecenter.org",
  "takingthecall.csgjusticecenter.org",
  // Federal agencies
  "bja.ojp.gov",
  "www.samhsa.gov",
  "www.medicaid.gov",
  "pmc.ncbi.nlm.nih.gov",
  // Sequential Intercept Model (Policy Research Associates)
  "smc.prainc.com",
  // Crisis Now and the Roadmap to the Ideal Crisis System
  "talk.crisisnow.com",
  "crisisnow.com",
  "crisisroadmap.com",
  "www.slideshare.net",
  // Harvard Kennedy School Government Performance Lab
  "datasmart.hks.harvard.edu",
  "govlab.hks.harvard.edu",
  // Vera Institute of Justice
  "www.vera.org",
] as const;
