"""Reusable reads of the negotiation, each respecting who may see which version."""

from accord.negotiation.queries.compare import Comparison as Comparison
from accord.negotiation.queries.compare import compare_by_priority as compare_by_priority
from accord.negotiation.queries.compare import compare_item as compare_item
from accord.negotiation.queries.compare import compare_versions as compare_versions
from accord.negotiation.queries.compare import redline_docx as redline_docx
from accord.negotiation.queries.consensus import Alone as Alone
from accord.negotiation.queries.consensus import Consensus as Consensus
from accord.negotiation.queries.consensus import ConvergencePoint as ConvergencePoint
from accord.negotiation.queries.consensus import DelegationSummary as DelegationSummary
from accord.negotiation.queries.consensus import OpenItem as OpenItem
from accord.negotiation.queries.consensus import PriorityStanding as PriorityStanding
from accord.negotiation.queries.consensus import Said as Said
from accord.negotiation.queries.consensus import VersionRecord as VersionRecord
from accord.negotiation.queries.consensus import consensus_of as consensus_of
from accord.negotiation.queries.consensus import convergence as convergence
from accord.negotiation.queries.consensus import delegation_record as delegation_record
from accord.negotiation.queries.consensus import item_positions as item_positions
from accord.negotiation.queries.consensus import open_brackets as open_brackets
from accord.negotiation.queries.consensus import open_items as open_items
from accord.negotiation.queries.contributions import MergeBoard as MergeBoard
from accord.negotiation.queries.contributions import contributions_of as contributions_of
from accord.negotiation.queries.contributions import find_amendment as find_amendment
from accord.negotiation.queries.contributions import find_contribution as find_contribution
from accord.negotiation.queries.contributions import merge_board as merge_board
from accord.negotiation.queries.contributions import (
    overlapping_amendments as overlapping_amendments,
)
