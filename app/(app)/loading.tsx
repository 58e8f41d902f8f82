import { LoadingState } from "@/components/ui/loading";

export default function Loading() {
  return <LoadingState className="mx-auto max-w-7xl px-4" />;
}
